// The limits one client gets and the answer a limiter gives; plain values shared by every limiter backend.

/// Per-minute budgets. `nil` means unlimited for that dimension.
public struct RateLimit: Sendable, Hashable, Codable {
    public var requestsPerMinute: Int?
    public var charactersPerMinute: Int?

    public init(requestsPerMinute: Int? = nil, charactersPerMinute: Int? = nil) {
        self.requestsPerMinute = requestsPerMinute
        self.charactersPerMinute = charactersPerMinute
    }

    public static let unlimited = RateLimit()
}

/// What a limiter decided for one request, with what the `X-RateLimit-*` headers report.
public struct RateLimitDecision: Sendable, Hashable {
    public var allowed: Bool
    /// The request budget per minute (the tightest dimension is reported in headers: requests).
    public var limit: Int
    public var remaining: Int
    /// Seconds until the request bucket is full again.
    public var resetSeconds: Int
    /// Seconds to wait before retrying; 0 when allowed.
    public var retryAfterSeconds: Int

    public init(allowed: Bool, limit: Int, remaining: Int, resetSeconds: Int, retryAfterSeconds: Int) {
        self.allowed = allowed
        self.limit = limit
        self.remaining = remaining
        self.resetSeconds = resetSeconds
        self.retryAfterSeconds = retryAfterSeconds
    }

    public static let unlimited = RateLimitDecision(
        allowed: true, limit: 0, remaining: 0, resetSeconds: 0, retryAfterSeconds: 0)
}

/// Shared by every limiter backend so one instance's decision equals another's for the same state.
public protocol RateLimiter: Sendable {
    /// Takes one request and `characters` from the buckets of `client`, or takes nothing and says how long to wait.
    func acquire(client: String, characters: Int, limit: RateLimit) async throws -> RateLimitDecision
}

/// Seconds since some fixed origin; injectable so tests can move time without sleeping.
public typealias RateLimitClock = @Sendable () -> Double
