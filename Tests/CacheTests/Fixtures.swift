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

/// A Redis tier for tests against a live server: a generous timeout, because a loaded CI machine running tests in
/// parallel can stall a loopback reply past the production 50 ms (the timeout itself is tested with a black hole).
func liveRedisTier(_ url: RedisURL, timeToLive: Int = 2_592_000) -> RedisTier {
    RedisTier(url: url, timeout: .seconds(2), timeToLive: timeToLive)
}
