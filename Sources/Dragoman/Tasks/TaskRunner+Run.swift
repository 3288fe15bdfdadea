// One task's run: chunks read from the store in index order, a bounded number in flight, each recorded as it
// completes. A full queue is waited out (the task was accepted, so its items must not be dropped).
import Foundation

extension TaskRunner {
    func run(_ record: TaskRecord) async {
        defer { finished(record.id) }
        do {
            try await store.setStatus(.running, of: record.id)
            try await runChunks(record)
            guard !shouldStop(record.id), let final = try await store.task(record.id) else { return }
            let status: TaskStatus = final.done == 0 && final.failed > 0 ? .failed : .completed
            try await store.setStatus(status, of: record.id)
            logger.info("task finished", metadata: ["task": "\(record.id)", "status": "\(status.rawValue)"])
        } catch {
            // A storage failure leaves the task unfinished in the store; it resumes at the next start.
            logger.error("task stopped", metadata: ["task": "\(record.id)", "error": "\(error)"])
        }
    }

    private func runChunks(_ record: TaskRecord) async throws {
        var cursor = -1
        try await withThrowingTaskGroup(of: Void.self) { group in
            var inFlight = 0
            while !shouldStop(record.id) {
                let items = try await store.pendingItems(of: record.id, after: cursor, limit: settings.chunkSize)
                guard let last = items.last else { break }
                cursor = last.index
                if inFlight == settings.chunksInFlight {
                    try await group.next()
                    inFlight -= 1
                }
                group.addTask { try await self.process(items, of: record) }
                inFlight += 1
            }
            try await group.waitForAll()
        }
    }

    nonisolated func process(_ items: [(index: Int, text: String)], of record: TaskRecord) async throws {
        while true {
            do {
                let results = try await service.translateItems(
                    items.map(\.text), source: record.source, target: record.target, engine: record.engine)
                let outcomes = zip(items, results).map { ItemOutcome(index: $0.index, result: $1) }
                try await store.record(outcomes, of: record.id)
                return
            } catch let error as ServiceError where error.code == "queue_full" {
                try await Task.sleep(for: .seconds(error.retryAfterSeconds ?? 1))
            } catch let error as ServiceError where error.code == "shutting_down" {
                return
            } catch let error as ServiceError {
                // Not something waiting cures (the task's engine is gone): each item fails with the reason.
                let failure = ItemFailure(code: error.code, message: error.message)
                try await store.record(items.map { ItemOutcome(index: $0.index, result: .failure(failure)) }, of: record.id)
                return
            }
        }
    }
}
