import Cache
import Logging
import Redis

/// Keys and values for cache tests: `key(7)` is the seventh sentence of the en→es pair.
func key(_ number: Int, source: String = "en", target: String = "es", version: String = "1") -> CacheKey {
    CacheKey(engine: "test", engineVersion: version, source: source, target: target, text: "sentence \(number)")
}

func value(_ number: Int, version: String = "1") -> CachedTranslation {
    CachedTranslation(translation: "frase \(number)", engineVersion: version)
}

func entries(_ numbers: some Sequence<Int>) -> [(key: CacheKey, value: CachedTranslation)] {
    numbers.map { (key($0), value($0)) }
}

let testLogger = Logger(label: "dragoman.cache.tests")

/// SplitMix64: a tiny seeded generator, so random-operation tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A Redis tier for tests against a live server: a generous timeout, because a loaded CI machine running tests in
/// parallel can stall a loopback reply past the production 50 ms (the timeout itself is tested with a black hole).
func liveRedisTier(_ url: RedisURL, timeToLive: Int = 2_592_000) -> RedisTier {
    RedisTier(url: url, timeout: .seconds(2), timeToLive: timeToLive)
}
