// Token buckets held in this process: the default when no Redis is configured, and the oracle the Redis
// limiter is checked against. One actor, one dictionary; idle (full) buckets are dropped when it grows.
import Foundation

public actor LocalRateLimiter: RateLimiter {
    private struct Buckets {
        var requests: TokenBucket?
        var characters: TokenBucket?
    }

    private var buckets: [String: Buckets] = [:]
    private let clock: RateLimitClock
    private let pruneThreshold: Int

    public init(clock: @escaping RateLimitClock = RateLimitClocks.wall, pruneThreshold: Int = 10_000) {
        self.clock = clock
        self.pruneThreshold = pruneThreshold
    }

    public func acquire(client: String, characters: Int, limit: RateLimit) -> RateLimitDecision {
        let now = clock()
        var entry = buckets[client] ?? Buckets()
        var requests = limit.requestsPerMinute.map { (entry.requests ?? TokenBucket(capacity: $0, now: now)) }?
            .refilled(at: now)
        var chars = limit.charactersPerMinute.map { (entry.characters ?? TokenBucket(capacity: $0, now: now)) }?
            .refilled(at: now)
        let cost = Double(characters)
        let allowed = (requests?.admits(1) ?? true) && (chars?.admits(cost) ?? true)
        if allowed {
            requests?.take(1)
            chars?.take(cost)
        }
        entry.requests = requests
        entry.characters = chars
        buckets[client] = entry
        if buckets.count > pruneThreshold { prune(now: now) }
        return RateLimitDecision(requests: requests, characters: chars, cost: cost, allowed: allowed)
    }

    private func prune(now: Double) {
        buckets = buckets.filter { _, entry in
            let full = [entry.requests, entry.characters].compactMap { $0?.refilled(at: now) }
                .allSatisfy { $0.tokens >= $0.capacity }
            return !full
        }
    }
}

public enum RateLimitClocks {
    /// Unix time: instances sharing buckets through Redis must agree on "now", and NTP keeps wall clocks within
    /// milliseconds of each other, far below a bucket's one-token refill interval at any sensible limit.
    public static let wall: RateLimitClock = { Date().timeIntervalSince1970 }
}

extension RateLimitDecision {
    /// The decision as headers report it: request counts, and the longest wait of the two dimensions.
    init(requests: TokenBucket?, characters: TokenBucket?, cost: Double, allowed: Bool) {
        let waits = allowed ? [] : [requests?.secondsUntilAdmitted(1), characters?.secondsUntilAdmitted(cost)]
        let retry = waits.compactMap { $0 }.max() ?? 0
        self.init(
            allowed: allowed,
            limit: requests.map { Int($0.capacity) } ?? 0,
            remaining: requests.map { max(0, Int($0.tokens.rounded(.down))) } ?? 0,
            resetSeconds: Self.wholeSeconds(requests?.secondsUntilFull ?? 0),
            retryAfterSeconds: allowed ? 0 : max(1, Self.wholeSeconds(retry)))
    }

    /// Rounds up to whole seconds, ignoring float noise (20.000000000004 s is 20 s, not 21).
    static func wholeSeconds(_ seconds: Double) -> Int {
        Int((seconds - 1e-6).rounded(.up))
    }
}
