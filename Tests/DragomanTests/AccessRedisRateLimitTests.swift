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
