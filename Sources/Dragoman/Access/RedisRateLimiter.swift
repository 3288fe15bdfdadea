// Token buckets shared by every instance through Redis: one Lua script refills, checks and takes from both of a
// client's buckets atomically in one round trip (Redis runs a script without interleaving other commands), so two
// instances can never both spend the last token. INCR+EXPIRE windows would need no script but are fixed windows
// (2x bursts at the boundary) and cannot refuse a request without counting it. "now" comes from the limiter's
// clock so tests can move time; instances' wall clocks agree to NTP precision.

/// What the limiter needs from a Redis connection: EVAL with keys and arguments, replies as strings.
public protocol RedisScripting: Sendable {
    func evaluate(script: String, keys: [String], arguments: [String]) async throws -> [String]
}

public struct RedisRateLimiter: RateLimiter {
    let redis: any RedisScripting
    let clock: RateLimitClock
    let prefix: String

    public init(redis: any RedisScripting, clock: @escaping RateLimitClock = RateLimitClocks.wall,
                prefix: String = "dragoman:ratelimit:") {
        self.redis = redis
        self.clock = clock
        self.prefix = prefix
    }

    public func acquire(client: String, characters: Int, limit: RateLimit) async throws -> RateLimitDecision {
        let now = clock()
        let reply = try await redis.evaluate(
            script: Self.script,
            keys: [prefix + client + ":requests", prefix + client + ":characters"],
            arguments: [String(now), String(limit.requestsPerMinute ?? 0), String(limit.charactersPerMinute ?? 0),
                        String(characters)])
        guard reply.count == 3, let requestTokens = Double(reply[1]), let characterTokens = Double(reply[2]) else {
            throw RedisRateLimiterError.unexpectedReply(reply)
        }
        let requests = limit.requestsPerMinute.map { TokenBucket(capacity: $0, tokens: requestTokens, at: now) }
        let chars = limit.charactersPerMinute.map { TokenBucket(capacity: $0, tokens: characterTokens, at: now) }
        return RateLimitDecision(requests: requests, characters: chars, cost: Double(characters), allowed: reply[0] == "1")
    }

    /// KEYS: request bucket, character bucket. ARGV: now, request capacity, character capacity (0 = no limit),
    /// cost in characters. Returns {allowed, request tokens, character tokens} as strings (Lua numbers would be
    /// truncated to integers in the reply). Same arithmetic as TokenBucket, which is its oracle in the tests.
    static let script = """
        local now = tonumber(ARGV[1])
        local function load(key, capacity)
          if capacity <= 0 then return nil end
          local stored = redis.call('HMGET', key, 'tokens', 'ts')
          local tokens = tonumber(stored[1]) or capacity
          local ts = tonumber(stored[2]) or now
          tokens = math.min(capacity, tokens + math.max(0, now - ts) * capacity / 60)
          return {tokens, math.max(ts, now), capacity}
        end
        local function save(key, bucket)
          if not bucket then return end
          redis.call('HSET', key, 'tokens', string.format('%.17g', bucket[1]), 'ts', string.format('%.17g', bucket[2]))
          local refill = (bucket[3] - bucket[1]) * 60 / bucket[3]
          redis.call('EXPIRE', key, math.ceil(refill) + 60)
        end
        local requests = load(KEYS[1], tonumber(ARGV[2]))
        local characters = load(KEYS[2], tonumber(ARGV[3]))
        local cost = tonumber(ARGV[4])
        local allowed = 1
        if requests and requests[1] < math.min(1, requests[3]) then allowed = 0 end
        if characters and characters[1] < math.min(cost, characters[3]) then allowed = 0 end
        if allowed == 1 then
          if requests then requests[1] = requests[1] - 1 end
          if characters then characters[1] = characters[1] - cost end
        end
        save(KEYS[1], requests)
        save(KEYS[2], characters)
        return {tostring(allowed), string.format('%.17g', requests and requests[1] or 0),
                string.format('%.17g', characters and characters[1] or 0)}
        """
}

public enum RedisRateLimiterError: Error, Sendable, Equatable {
    case unexpectedReply([String])
    case scriptFailed(String)
}
