import Cache
import TestSupport
import Testing

@Suite struct SQLiteTierTests {
    let folder = TemporaryDirectory("sqlite-tier")

    @Test func batchLookupFindsHitsAndMisses() async throws {
        let tier = try await SQLiteTier(path: folder.file("cache.sqlite"))
        await tier.set(entries(0..<100))
        let keys = (95..<105).map { key($0) }
        let found = await tier.get(keys)
        #expect(found == (95..<105).map { $0 < 100 ? value($0) : nil })
        let stats = await tier.stats()
        #expect(stats.entries == 100 && stats.hits == 5 && stats.misses == 5 && stats.healthy)
    }

    @Test func aReopenedFileStillHasItsEntries() async throws {
        let path = folder.file("cache.sqlite")
        do {
            let tier = try await SQLiteTier(path: path)
            await tier.set(entries(0..<10))
            await tier.flush()
        }
        let reopened = try await SQLiteTier(path: path)
        #expect(await reopened.get([key(3)]) == [value(3)])
        #expect(await reopened.stats().entries == 10)
    }

    @Test func expiresAfterItsTimeToLive() async throws {
        let time = ManualClock()
        let tier = try await SQLiteTier(
            path: folder.file("cache.sqlite"), limits: .init(timeToLive: 100), clock: time.clock)
        await tier.set(entries([1]))
        time.advance(by: 99)
        #expect(await tier.get([key(1)]) == [value(1)])
        time.advance(by: 1)
        #expect(await tier.get([key(1)]) == [nil])
    }

    @Test func evictsTheLeastRecentlyUsedRowsOverTheCap() async throws {
        let time = ManualClock()
        let limits = SQLiteTier.Limits(maximumEntries: 10, touchInterval: 1)
        let tier = try await SQLiteTier(path: folder.file("cache.sqlite"), limits: limits, clock: time.clock)
        for number in 0..<10 {
            await tier.set(entries([number]))
            time.advance(by: 1)
        }
        #expect(await tier.get([key(0), key(1)]) == [value(0), value(1)])  // now the most recently used
        time.advance(by: 1)
        await tier.set(entries(10..<12))
        let stats = await tier.stats()
        #expect(stats.entries == 10)
        #expect(await tier.get([key(0), key(1), key(10), key(11)]) == [value(0), value(1), value(10), value(11)])
        #expect(await tier.get([key(2), key(3)]) == [nil, nil])
    }

    @Test func respectsAByteCap() async throws {
        let cost = MemoryTier.cost(of: key(10), value(10))
        let limits = SQLiteTier.Limits(maximumBytes: cost * 20)
        let tier = try await SQLiteTier(path: folder.file("cache.sqlite"), limits: limits)
        await tier.set(entries(10..<60))
        let stats = await tier.stats()
        #expect(stats.bytes <= cost * 20 && stats.entries > 0)
    }

    @Test func clearsOnePairOrEverything() async throws {
        let tier = try await SQLiteTier(path: folder.file("cache.sqlite"))
        await tier.set(entries(0..<3) + [(key(7, target: "fr"), value(7))])
        await tier.clear(pair: ("en", "es"))
        #expect(await tier.get([key(0), key(7, target: "fr")]) == [nil, value(7)])
        await tier.clear(pair: nil)
        #expect(await tier.stats().entries == 0)
    }

    @Test func aDifferentEngineVersionIsADifferentEntry() async throws {
        let tier = try await SQLiteTier(path: folder.file("cache.sqlite"))
        await tier.set([(key(1, version: "1"), value(1, version: "1"))])
        #expect(await tier.get([key(1, version: "2")]) == [nil])
    }

    // Writes behind the request: what `set` queued is answered at once and reaches the file with the next write.

    @Test func queuedRowsAreFoundBeforeTheyAreWritten() async throws {
        let path = folder.file("cache.sqlite")
        let tier = try await SQLiteTier(path: path)
        let other = try await SQLiteTier(path: path)
        await tier.set(entries(0..<50))
        #expect(await tier.get((0..<50).map { key($0) }) == (0..<50).map { value($0) })
        await tier.flush()
        #expect(await other.get((0..<50).map { key($0) }) == (0..<50).map { value($0) })
    }

    @Test func concurrentSetsAreAllWrittenAndTheNewestValueWins() async throws {
        let path = folder.file("cache.sqlite")
        let tier = try await SQLiteTier(path: path)
        await withDiscardingTaskGroup { group in
            for number in 0..<200 { group.addTask { await tier.set(entries([number])) } }
        }
        await tier.set([(key(7), value(700))])
        await tier.flush()
        let reopened = try await SQLiteTier(path: path)
        #expect(await reopened.stats().entries == 200)
        #expect(await reopened.get([key(7), key(199)]) == [value(700), value(199)])
    }

    @Test func aFullQueueIsWrittenBeforeSetReturns() async throws {
        let path = folder.file("cache.sqlite")
        let tier = try await SQLiteTier(path: path)
        let other = try await SQLiteTier(path: path)
        await tier.set(entries(0..<SQLiteTier.pendingLimit))
        #expect(await other.get([key(0), key(SQLiteTier.pendingLimit - 1)]) == [value(0), value(SQLiteTier.pendingLimit - 1)])
    }

    @Test func clearingAlsoDropsQueuedRows() async throws {
        let tier = try await SQLiteTier(path: folder.file("cache.sqlite"))
        await tier.set(entries(0..<3) + [(key(7, target: "fr"), value(7))])
        await tier.clear(pair: ("en", "es"))
        #expect(await tier.get([key(0), key(7, target: "fr")]) == [nil, value(7)])
        #expect(await tier.stats().entries == 1)
    }
}
