import Cache
import Redis
import TestSupport
import Testing

@Suite struct TieredCacheTests {
    let folder = TemporaryDirectory("tiered-cache")

    /// `liveRedis: false` keeps the production 50 ms timeout, for a Redis that never answers.
    func makeCache(redis: RedisURL? = nil, liveRedis: Bool = true, sqlite: String? = nil) async throws -> TieredCache {
        var tiers: [any CacheTier] = [MemoryTier()]
        if let redis { tiers.append(liveRedis ? liveRedisTier(redis) : RedisTier(url: redis)) }
        tiers.append(try await SQLiteTier(path: sqlite ?? folder.file("cache.sqlite")))
        return TieredCache(tiers: tiers, logger: testLogger)
    }

    @Test func aSQLiteHitIsPromotedIntoFasterTiers() async throws {
        let server = try RedisServer()
        let memory = MemoryTier()
        let redis = liveRedisTier(server.url)
        let sqlite = try await SQLiteTier(path: folder.file("cache.sqlite"))
        await sqlite.set(entries([1]))
        let cache = TieredCache(tiers: [memory, redis, sqlite], logger: testLogger)
        #expect(await cache.get([key(1), key(2)]) == [value(1), nil])
        #expect(await memory.get([key(1)]) == [value(1)])
        #expect(await redis.get([key(1)]) == [value(1)])
        let stats = await cache.stats()
        #expect(stats.hits == 1 && stats.misses == 1 && stats.hitRate == 0.5)
        #expect(stats.tiers.map(\.name) == ["memory", "redis", "sqlite"])
    }

    @Test func twoInstancesShareEntriesThroughRedis() async throws {
        let server = try RedisServer()
        let first = try await makeCache(redis: server.url, sqlite: folder.file("a.sqlite"))
        let second = try await makeCache(redis: server.url, sqlite: folder.file("b.sqlite"))
        await first.set(entries(0..<10))
        #expect(await second.get((0..<10).map { key($0) }) == (0..<10).map { value($0) })
    }

    @Test func aRestartFindsEntriesInSQLite() async throws {
        do {
            let cache = try await makeCache()
            await cache.set(entries(0..<5))
            await cache.flush()  // as shutdown does: SQLite writes behind
        }
        let restarted = try await makeCache()
        #expect(await restarted.get([key(4)]) == [value(4)])
    }

    @Test func survivesRedisBeingKilledAndRecoversWhenItReturns() async throws {
        let server = try RedisServer()
        let cache = try await makeCache(redis: server.url)
        await cache.set(entries(0..<5))
        #expect(await cache.health().status == .ok)
        server.kill()
        await cache.set(entries(5..<10))
        #expect(await cache.get((0..<10).map { key($0) }) == (0..<10).map { value($0) })
        let degraded = await cache.health()
        #expect(degraded.status == .degraded)
        #expect(degraded.tiers.first { $0.name == "redis" }?.reason?.isEmpty == false)
        try server.restart()
        var healthy = false
        for _ in 0..<200 where !healthy {
            try await Task.sleep(for: .milliseconds(50))
            healthy = await cache.health().status == .ok
        }
        #expect(healthy)
        await cache.set(entries([42]))
        let admin = try server.connect()
        #expect(try admin.command(["EXISTS", "dragoman:v1:tr:en:es:\(key(42).digest)"]) == .integer(1))
    }

    @Test func aRedisThatNeverAnswersDoesNotBlockTheOtherTiers() async throws {
        let hole = try BlackHoleListener()
        let cache = try await makeCache(redis: try RedisURL(hole.url), liveRedis: false)
        for round in 0..<20 {
            await cache.set(entries([round]))
            #expect(await cache.get([key(round)]) == [value(round)])
        }
        let health = await cache.health()
        #expect(health.status == .degraded)
        let redis = await cache.stats().tiers.first { $0.name == "redis" }
        #expect(redis?.errors ?? 0 >= 1)
    }

    @Test func clearsOnePairInEveryTier() async throws {
        let server = try RedisServer()
        let cache = try await makeCache(redis: server.url)
        await cache.set(entries(0..<3) + [(key(7, target: "fr"), value(7))])
        await cache.clear(pair: ("en", "es"))
        #expect(await cache.get([key(0), key(7, target: "fr")]) == [nil, value(7)])
        let reopened = try await makeCache(redis: server.url, sqlite: folder.file("cache.sqlite"))
        #expect(await reopened.get([key(1)]) == [nil])
    }

    @Test func makeBuildsTheConfiguredTiersInReadOrder() async throws {
        var configuration = CacheConfiguration()
        configuration.sqlite.path = "data/cache.sqlite"
        let cache = try await TieredCache.make(
            configuration: configuration, dataDirectory: folder.path, logger: testLogger)
        let stats = await cache.stats()
        #expect(stats.tiers.map(\.name) == ["memory", "sqlite", "redis"])
        #expect(stats.tiers.map(\.enabled) == [true, true, false])
        #expect((cache.tiers[1] as? SQLiteTier)?.path == folder.file("cache.sqlite"))
        configuration.redis.enabled = true
        await #expect(throws: RedisURLError.self) {
            try await TieredCache.make(configuration: configuration, dataDirectory: folder.path, logger: testLogger)
        }
    }
}
