import Cache
import Testing

@Suite struct MemoryTierTests {
    @Test func returnsWhatWasSetAndMissesTheRest() async {
        let tier = MemoryTier()
        await tier.set(entries(0..<3))
        let found = await tier.get([key(0), key(9), key(2)])
        #expect(found == [value(0), nil, value(2)])
        let stats = await tier.stats()
        #expect(stats.hits == 2 && stats.misses == 1 && stats.entries == 3)
        #expect(stats.bytes == (0..<3).reduce(0) { $0 + MemoryTier.cost(of: key($1), value($1)) })
        #expect(stats.p50Micros > 0)
    }

    @Test func expiresAfterItsTimeToLive() async {
        let time = ManualClock()
        let tier = MemoryTier(timeToLive: 60, clock: time.clock)
        await tier.set(entries([1]))
        time.advance(by: 59)
        #expect(await tier.get([key(1)]) == [value(1)])
        time.advance(by: 1)
        #expect(await tier.get([key(1)]) == [nil])
    }

    @Test func staysWithinItsByteBudget() async {
        let tier = MemoryTier(maximumBytes: 1_000)
        await tier.set(entries(0..<200))
        let stats = await tier.stats()
        #expect(stats.bytes <= 1_000)
        #expect(await tier.get([key(199)]) == [value(199)])
        #expect(await tier.get([key(0)]) == [nil])
    }

    @Test func clearsOnePairOrEverything() async {
        let tier = MemoryTier()
        await tier.set(entries(0..<3) + [(key(7, target: "fr"), value(7))])
        await tier.clear(pair: ("en", "es"))
        #expect(await tier.get([key(0), key(7, target: "fr")]) == [nil, value(7)])
        await tier.clear(pair: nil)
        #expect(await tier.stats().entries == 0)
    }
}
