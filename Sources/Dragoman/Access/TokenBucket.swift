// A token bucket: `capacity` tokens refilled evenly over a minute. Bursts up to the full minute's budget are
// allowed, then the client is paced — unlike fixed INCR+EXPIRE windows, which let 2x the limit through around a
// window boundary. A cost larger than the capacity is admitted once the bucket is full and leaves a debt, so one
// big text is never refused forever.

public struct TokenBucket: Sendable, Hashable, Codable {
    public let capacity: Double
    public private(set) var tokens: Double
    public private(set) var updatedAt: Double

    public init(capacity: Int, now: Double) {
        self.capacity = Double(capacity)
        self.tokens = Double(capacity)
        self.updatedAt = now
    }

    /// A bucket as another store (Redis) holds it.
    init(capacity: Int, tokens: Double, at now: Double) {
        self.capacity = Double(capacity)
        self.tokens = tokens
        self.updatedAt = now
    }

    var refillPerSecond: Double { capacity / 60 }

    /// The bucket as it stands at `now`, without taking anything.
    public func refilled(at now: Double) -> TokenBucket {
        var copy = self
        let elapsed = max(0, now - updatedAt)
        // Same operation order as the Redis script, so both give bit-identical tokens.
        copy.tokens = min(capacity, tokens + elapsed * capacity / 60)
        copy.updatedAt = max(updatedAt, now)
        return copy
    }

    /// Whether `cost` can be taken now (after `refilled`).
    public func admits(_ cost: Double) -> Bool { tokens >= min(cost, capacity) }

    /// Seconds until `cost` would be admitted (0 if it is now).
    public func secondsUntilAdmitted(_ cost: Double) -> Double {
        let needed = min(cost, capacity) - tokens
        return needed <= 0 ? 0 : needed / refillPerSecond
    }

    public var secondsUntilFull: Double { max(0, capacity - tokens) / refillPerSecond }

    public mutating func take(_ cost: Double) { tokens -= cost }
}
