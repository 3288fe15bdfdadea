// Finished tasks are kept for a retention period (7 days by default) so clients can fetch results, then
// removed by a background sweep that runs at start-up and hourly.
import Foundation

extension TaskRunner {
    public func startPurging(retention: Duration, every interval: Duration = .seconds(3_600)) {
        purgeTask?.cancel()
        purgeTask = Task { [store, logger] in
            while !Task.isCancelled {
                let seconds = Double(retention.components.seconds)
                do {
                    let removed = try await store.purge(finishedBefore: Date().addingTimeInterval(-seconds))
                    if removed > 0 { logger.info("purged finished tasks", metadata: ["count": "\(removed)"]) }
                } catch {
                    logger.warning("task purge failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func stopPurging() {
        purgeTask?.cancel()
        purgeTask = nil
    }
}
