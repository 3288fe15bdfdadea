// Handlers run on their connection's event loop (see LoopExecutor), so a handler that has a lot of computing to
// do — encoding ten thousand results, compressing a megabyte — would hold up every other connection on that
// loop meanwhile. This moves such work to Swift's global pool and comes back for the rest of the handler.

/// Runs `work` on Swift's global concurrent executor and returns its result to the caller's executor.
public func offTheLoop<T: Sendable, Failure: Error>(_ work: @Sendable () throws(Failure) -> T) async throws(Failure) -> T {
    try await withTaskExecutorPreference(globalConcurrentExecutor) { () async throws(Failure) -> T in try work() }
}
