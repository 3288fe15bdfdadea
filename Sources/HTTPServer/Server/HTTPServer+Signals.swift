// Running the server as a process: serve until SIGTERM or SIGINT, then shut down gracefully so `serve`
// exits 0 after finishing what it had in flight. Signals arrive through Dispatch sources, not handlers,
// so the reaction runs as ordinary code on a queue.
import Dispatch
import Glibc

extension HTTPServer {
    public func runUntilSignalled(grace: Duration) async throws {
        if !isStarted { try await start() }
        let signalName = await Self.waitForTermination()
        logger.notice("shutting down", metadata: ["signal": "\(signalName)"])
        await shutdown(grace: grace)
    }

    /// Suspends until SIGTERM or SIGINT arrives and returns its name.
    static func waitForTermination() async -> String {
        let queue = DispatchQueue(label: "dragoman.signals")
        let signals: [(Int32, String)] = [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")]
        return await withCheckedContinuation { continuation in
            let sources = signals.map { number, _ in
                // The default action must be off, or the process dies before the source sees the signal.
                signal(number, SIG_IGN)
                return DispatchSource.makeSignalSource(signal: number, queue: queue)
            }
            nonisolated(unsafe) var resumed = false  // touched only on `queue`, which is serial
            for (source, (_, name)) in zip(sources, signals) {
                source.setEventHandler {
                    guard !resumed else { return }
                    resumed = true
                    sources.forEach { $0.cancel() }
                    continuation.resume(returning: name)
                }
                source.resume()
            }
        }
    }
}
