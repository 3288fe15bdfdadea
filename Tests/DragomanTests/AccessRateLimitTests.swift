// Token buckets under a clock the test moves: exhaustion, refill, both dimensions, and the headers' numbers.
import Testing

@testable import Dragoman

final class ManualClock: Sendable {
    private let state = Mutex(0.0)
    var now: Double { state.withLock { $0 } }
    func advance(_ seconds: Double) { state.withLock { $0 += seconds } }
    var clock: RateLimitClock { { [self] in now } }
}

import Synchronization

@Suite struct AccessRateLimitTests {
    @Test func requestBucketEmptiesThenRefillsOneTokenPerInterval() async {
        let time = ManualClock()
        let limiter = LocalRateLimiter(clock: time.clock)
        let limit = RateLimit(requestsPerMinute: 3)
        for expectedRemaining in [2, 1, 0] {
            let decision = await limiter.acquire(client: "ip:1", characters: 0, limit: limit)
            #expect(decision.allowed && decision.remaining == expectedRemaining && decision.limit == 3)
        }
        let refused = await limiter.acquire(client: "ip:1", characters: 0, limit: limit)
        #expect(!refused.allowed)
        #expect(refused.retryAfterSeconds == 20)  // 3 per minute: one token every 20 s
        time.advance(19)
        #expect(await !limiter.acquire(client: "ip:1", characters: 0, limit: limit).allowed)
        time.advance(1)
        #expect(await limiter.acquire(client: "ip:1", characters: 0, limit: limit).allowed)
    }

    @Test func clientsHaveSeparateBuckets() async {
        let limiter = LocalRateLimiter(clock: ManualClock().clock)
        let limit = RateLimit(requestsPerMinute: 1)
        #expect(await limiter.acquire(client: "a", characters: 0, limit: limit).allowed)
        #expect(await !limiter.acquire(client: "a", characters: 0, limit: limit).allowed)
        #expect(await limiter.acquire(client: "b", characters: 0, limit: limit).allowed)
    }

    @Test func characterBudgetRefusesWithoutTakingARequest() async {
        let time = ManualClock()
        let limiter = LocalRateLimiter(clock: time.clock)
        let limit = RateLimit(requestsPerMinute: 10, charactersPerMinute: 600)
        #expect(await limiter.acquire(client: "k", characters: 500, limit: limit).allowed)
        let refused = await limiter.acquire(client: "k", characters: 200, limit: limit)
        #expect(!refused.allowed && refused.remaining == 9)  // the refused request took no request token
        #expect(refused.retryAfterSeconds == 10)  // 100 more characters at 10 per second
        time.advance(10)
        #expect(await limiter.acquire(client: "k", characters: 200, limit: limit).allowed)
    }

    @Test func aTextLargerThanTheBudgetPassesOnAFullBucketAndLeavesADebt() async {
        let time = ManualClock()
        let limiter = LocalRateLimiter(clock: time.clock)
        let limit = RateLimit(charactersPerMinute: 60)
        #expect(await limiter.acquire(client: "k", characters: 120, limit: limit).allowed)
        time.advance(60)
        #expect(await !limiter.acquire(client: "k", characters: 1, limit: limit).allowed)
        time.advance(61)
        #expect(await limiter.acquire(client: "k", characters: 1, limit: limit).allowed)
    }

    @Test func bucketNeverHoldsMoreThanItsCapacity() {
        let bucket = TokenBucket(capacity: 5, now: 0).refilled(at: 3_600)
        #expect(bucket.tokens == 5)
    }
}
