// Shared buckets while Redis answers, this instance's own buckets while it does not: a Redis outage must not turn
// every rate-limited request into a 500 (the cache tiers degrade the same way). During an outage each instance
// limits on its own, so a client may get up to one budget per instance; the log says when that starts and ends.
import Logging
import Synchronization

public final class FallbackRateLimiter: RateLimiter {
    let shared: any RateLimiter
    let local: any RateLimiter
    let logger: Logger
    private let fallingBack = Mutex(false)

    public init(shared: any RateLimiter, local: any RateLimiter, logger: Logger = Logger(label: "dragoman.access")) {
        self.shared = shared
        self.local = local
        self.logger = logger
    }

    public func acquire(client: String, characters: Int, limit: RateLimit) async throws -> RateLimitDecision {
        do {
            let decision = try await shared.acquire(client: client, characters: characters, limit: limit)
            if exchange(false) { logger.info("shared rate limits reachable again") }
            return decision
        } catch {
            if !exchange(true) {
                logger.warning("shared rate limits unavailable; limiting per instance", metadata: ["error": "\(error)"])
            }
            return try await local.acquire(client: client, characters: characters, limit: limit)
        }
    }

    /// Sets the flag and returns its previous value.
    private func exchange(_ value: Bool) -> Bool {
        fallingBack.withLock { state in
            defer { state = value }
            return state
        }
    }
}
