@testable import Cache
import Testing

@Suite struct RedisValueCodecTests {
    let key = CacheKey(engine: "marian", engineVersion: "2", source: "en", target: "es", text: "Hello ✓")
    let value = CachedTranslation(translation: "Hola ✓", engineVersion: "2")

    @Test func roundTrips() {
        let bytes = RedisValueCodec.encode(key, digest: key.digest, value)
        #expect(RedisValueCodec.decode(bytes, for: key, digest: key.digest) == value)
    }

    @Test func everyTruncationAndEveryFlippedByteIsAMissNotACrash() {
        let bytes = RedisValueCodec.encode(key, digest: key.digest, value)
        for length in 0..<bytes.count {
            #expect(RedisValueCodec.decode(Array(bytes.prefix(length)), for: key, digest: key.digest) == nil)
        }
        for position in bytes.indices {
            var flipped = bytes
            flipped[position] ^= 0x80
            let decoded = RedisValueCodec.decode(flipped, for: key, digest: key.digest)
            // Only a flip inside the translation text may still decode, and then it must not crash.
            #expect(decoded == nil || decoded?.engineVersion == "2")
        }
        #expect(RedisValueCodec.decode(bytes + [0], for: key, digest: key.digest) == nil)
    }

    @Test func aValueForAnotherKeyOrVersionIsAMiss() {
        let bytes = RedisValueCodec.encode(key, digest: key.digest, value)
        var other = key
        other.engineVersion = "3"
        #expect(RedisValueCodec.decode(bytes, for: other, digest: other.digest) == nil)
        other = key
        other.text = "Bye"
        #expect(RedisValueCodec.decode(bytes, for: other, digest: other.digest) == nil)
    }

    @Test func languageCodesCannotSplitNamesOrWidenPatterns() {
        #expect(RedisKeyspace.component("zh-Hant_TW") == "zh-Hant_TW")
        #expect(RedisKeyspace.component("e*:s") == "e%2A%3As")
        #expect(RedisKeyspace.pattern(pair: ("e?", "[s]")) == "dragoman:v1:tr:e%3F:%5Bs%5D:*")
    }
}
