import Cache
import Testing

@Suite struct CacheKeyTests {
    /// Reference digests from Python's hashlib over the same length-prefixed layout; a change here would orphan
    /// every entry already stored in Redis and SQLite.
    @Test func digestIsStable() {
        let key = CacheKey(engine: "marian", engineVersion: "opus-mt-en-es@1", source: "en", target: "es",
            text: "Héllo, wörld ✓")
        #expect(key.digest == "812d83725b2bf0eea0727cbb7047f65bdaffd38f19fb6f8dee6ede5a6b40e01e")
        let empty = CacheKey(engine: "", engineVersion: "", source: "", target: "", text: "")
        #expect(empty.digest == "fabc833872435cea3f0863489221d2c8681ee3205369a021ae97d0e5b841cfb3")
    }

    @Test func fieldBoundariesMatter() {
        let a = CacheKey(engine: "ab", engineVersion: "c", source: "en", target: "es", text: "x")
        let b = CacheKey(engine: "a", engineVersion: "bc", source: "en", target: "es", text: "x")
        #expect(a.digest != b.digest)
    }
}
