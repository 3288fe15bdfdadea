import Cache
import Redis
import TestSupport
import Testing

@Suite struct RedisTierTests {
    let server: RedisServer

    init() throws { server = try RedisServer() }

    @Test func storesUnderNamespacedKeysWithAnExpiry() async throws {
        let tier = liveRedisTier(server.url)
        await tier.set(entries(0..<3))
        #expect(await tier.get([key(0), key(5), key(2)]) == [value(0), nil, value(2)])
        let admin = try server.connect()
        let name = "dragoman:v1:tr:en:es:\(key(0).digest)"
        #expect(try admin.command(["EXISTS", name]) == .integer(1))
        guard case .integer(let ttl) = try admin.command(["TTL", name]) else { Issue.record("no TTL"); return }
        #expect(ttl > 2_500_000 && ttl <= 2_592_000)
    }

    /// The stored expiry is checked through TTL (no race with a loaded machine); the real expiry with a 1-second
    /// EX is only awaited, with a generous bound, never timed.
    @Test func entriesExpireInRedis() async throws {
        let admin = try server.connect()
        await liveRedisTier(server.url, timeToLive: 100).set(entries([1]))
        guard case .integer(let ttl) = try admin.command(["TTL", "dragoman:v1:tr:en:es:\(key(1).digest)"]) else {
            Issue.record("no TTL")
            return
        }
        #expect(ttl > 90 && ttl <= 100)
        let tier = liveRedisTier(server.url, timeToLive: 1)
        await tier.set(entries([2]))
        var expired = false
        for _ in 0..<200 where !expired {
            try await Task.sleep(for: .milliseconds(50))
            expired = await tier.get([key(2)]) == [nil]
        }
        #expect(expired)
        #expect(await tier.stats().errors == 0)
    }

    @Test func corruptOrForeignValuesAreMisses() async throws {
        let tier = liveRedisTier(server.url)
        await tier.set(entries(0..<5))
        let admin = try server.connect()
        let name = { (number: Int) in "dragoman:v1:tr:en:es:\(key(number).digest)" }
        _ = try admin.command(["SET", name(0), "{\"translation\": \"not ours\"}"])
        _ = try admin.command(["SET", name(1), "DRG1"])
        _ = try admin.command([Array("SET".utf8), Array(name(2).utf8), Array("DRG1".utf8) + [0xff, 0xff, 0xff, 0xff]])
        _ = try admin.command(["DEL", name(3)])
        _ = try admin.command(["LPUSH", name(3), "a list"])
        // A well-formed value copied under another key must not answer for that key.
        _ = try admin.command(["COPY", name(4), name(5)])
        #expect(await tier.get((0..<6).map { key($0) }) == [nil, nil, nil, nil, value(4), nil])
        #expect(await tier.stats().misses == 5)
    }

    @Test func clearsOnePairOrEverythingButNeverOtherKeys() async throws {
        let tier = liveRedisTier(server.url)
        await tier.set(entries(0..<3) + [(key(7, target: "fr"), value(7))])
        let admin = try server.connect()
        _ = try admin.command(["SET", "someone-else:key", "kept"])
        await tier.clear(pair: ("en", "es"))
        #expect(await tier.get([key(0), key(7, target: "fr")]) == [nil, value(7)])
        await tier.clear(pair: nil)
        #expect(await tier.get([key(7, target: "fr")]) == [nil])
        #expect(try admin.command(["GET", "someone-else:key"]) == .string(Array("kept".utf8)))
    }

    @Test func aDeadRedisIsAMissAndUnhealthyNeverAThrow() async throws {
        let tier = liveRedisTier(server.url)
        await tier.set(entries([1]))
        server.kill()
        #expect(await tier.get([key(1)]) == [nil])
        await tier.set(entries([2]))
        let stats = await tier.stats()
        #expect(!stats.healthy && stats.errors >= 1)
        #expect(stats.detail?.contains("Redis") == true)
    }

    @Test func aRedisThatNeverAnswersIsAMissNotAHang() async throws {
        let hole = try BlackHoleListener()
        let tier = RedisTier(url: try RedisURL(hole.url))
        #expect(await tier.get([key(1)]) == [nil])
        await tier.set(entries([1]))
        #expect(await tier.get([key(1)]) == [nil])
        let stats = await tier.stats()
        #expect(!stats.healthy && stats.errors >= 1)
    }
}
