import Cache
import Foundation
import Testing

@Suite struct CacheConfigurationTests {
    @Test func anEmptyObjectDecodesToTheDefaults() throws {
        let decoded = try JSONDecoder().decode(CacheConfiguration.self, from: Data("{}".utf8))
        #expect(decoded == CacheConfiguration())
        #expect(decoded.memory.maxBytes == 64 << 20 && decoded.redis.timeoutMs == 50)
        #expect(decoded.redis.ttlSeconds == 2_592_000 && !decoded.redis.enabled)
    }

    @Test func aPartialObjectKeepsTheOtherDefaults() throws {
        let json = #"{"redis": {"enabled": true, "url": "redis://h:1/2"}, "sqlite": {"max_entries": 5}}"#
        let decoded = try JSONDecoder().decode(CacheConfiguration.self, from: Data(json.utf8))
        #expect(decoded.redis.enabled && decoded.redis.url == "redis://h:1/2" && decoded.redis.timeoutMs == 50)
        #expect(decoded.sqlite.maxEntries == 5 && decoded.sqlite.path == "data/cache.sqlite")
        #expect(decoded.memory == CacheConfiguration.Memory())
    }

    @Test func encodesSnakeCaseKeys() throws {
        let json = String(decoding: try JSONEncoder().encode(CacheConfiguration()), as: UTF8.self)
        #expect(json.contains("\"max_bytes\"") && json.contains("\"ttl_seconds\"") && json.contains("\"timeout_ms\""))
    }

    @Test func statsAndHealthUseTheWireNames() throws {
        let stats = CacheStats(tiers: [TierStats(name: "memory", hits: 3, misses: 1)], hits: 3, misses: 1)
        let json = String(decoding: try JSONEncoder().encode(stats), as: UTF8.self)
        #expect(json.contains("\"hit_rate\":0.75") && json.contains("\"p50_us\""))
        let health = CacheHealth(tiers: [.init(name: "redis", enabled: true, healthy: false, reason: "down")])
        #expect(health.status == .degraded)
    }
}
