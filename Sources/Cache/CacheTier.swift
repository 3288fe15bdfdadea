// One level of the translation cache (memory, Redis, SQLite). The tiered cache reads them fastest first and
// writes to every healthy one. Tiers never throw at their callers: a failing tier reports a miss, counts the
// error and says so in its stats, so a broken tier degrades the cache instead of failing a translation.

public protocol CacheTier: Sendable {
    var name: String { get }

    /// One entry per key, nil where the tier has no (unexpired, well-formed) value. One round trip for all keys.
    func get(_ keys: [CacheKey]) async -> [CachedTranslation?]

    func set(_ entries: [(key: CacheKey, value: CachedTranslation)]) async

    /// Removes every entry, or only those of one language pair.
    func clear(pair: (source: String, target: String)?) async

    func stats() async -> TierStats
}
