// Two limiter instances sharing one limit through a real redis-server (TestSupport's, spoken to by RedisClient), and the Lua script checked against the
// in-process TokenBucket (its oracle) step by step under the same manual clock.
import Foundation
import Redis
import TestSupport
import Testing

@testable import Dragoman

@Suite(.serialized) struct AccessRedisRateLimitTests {
    @Test func twoInstancesShareOneBudget() async throws {
        let server = try RedisServer()
        let time = ManualClock()
        // Two clients (two connections), as two Dragoman instances would have.
        let first = RedisRateLimiter(redis: RedisClient(url: server.url), clock: time.clock)
        let second = RedisRateLimiter(redis: RedisClient(url: server.url), clock: time.clock)
        let limit = RateLimit(requestsPerMinute: 4)
        var allowed = 0
        for limiter in [first, second, first, second, first, second] {
            if try await limiter.acquire(client: "key:shared", characters: 0, limit: limit).allowed { allowed += 1 }
        }
        #expect(allowed == 4)
        let refused = try await second.acquire(client: "key:shared", characters: 0, limit: limit)
        #expect(!refused.allowed && refused.retryAfterSeconds == 15)
        time.advance(15)
        #expect(try await first.acquire(client: "key:shared", characters: 0, limit: limit).allowed)
    }

    @Test func aDeadRedisFallsBackToThisInstancesBucketsAndBack() async throws {
        let server = try RedisServer()
        let time = ManualClock()
        let options = RedisClient.Options(connectTimeout: .seconds(2), commandTimeout: .seconds(2), initialBackoff: .milliseconds(1))
        let limiter = FallbackRateLimiter(
            shared: RedisRateLimiter(redis: RedisClient(url: server.url, options: options), clock: time.clock),
            local: LocalRateLimiter(clock: time.clock))
        let limit = RateLimit(requestsPerMinute: 2)
        #expect(try await limiter.acquire(client: "ip:a", characters: 0, limit: limit).allowed)
        server.kill()
        // Local buckets start full: two more requests, then a refusal with the usual headers, never an error.
        #expect(try await limiter.acquire(client: "ip:a", characters: 0, limit: limit).allowed)
        #expect(try await limiter.acquire(client: "ip:a", characters: 0, limit: limit).allowed)
        let refused = try await limiter.acquire(client: "ip:a", characters: 0, limit: limit)
        #expect(!refused.allowed && refused.retryAfterSeconds == 30)
        try server.restart()
        try await Task.sleep(for: .milliseconds(20))  // past the client's 1 ms backoff window
        // Back on the shared (now empty) Redis buckets.
        let shared = try await limiter.acquire(client: "ip:a", characters: 0, limit: limit)
        #expect(shared.allowed && shared.remaining == 1)
    }

    @Test func scriptAgreesWithTheLocalBucketsStepByStep() async throws {
        let server = try RedisServer()
        let time = ManualClock()
        let shared = RedisRateLimiter(redis: RedisClient(url: server.url), clock: time.clock)
        let local = LocalRateLimiter(clock: time.clock)
        let limit = RateLimit(requestsPerMinute: 5, charactersPerMinute: 300)
        let steps: [(advance: Double, characters: Int)] = [
            (0, 100), (0, 150), (0, 100), (3, 10), (7, 60), (0, 0), (0, 0), (0, 0), (30, 400), (60, 5), (1, 1),
        ]
        for step in steps {
            time.advance(step.advance)
            let expected = await local.acquire(client: "c", characters: step.characters, limit: limit)
            let actual = try await shared.acquire(client: "c", characters: step.characters, limit: limit)
            #expect(actual == expected, "after \(time.now) s with \(step.characters) characters")
        }
    }
}
