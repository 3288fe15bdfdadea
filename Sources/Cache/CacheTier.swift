// One level of the translation cache (memory, Redis, SQLite). The tiered cache reads them fastest first and
// writes to every healthy one. Tiers never throw at their callers: a failing tier reports a miss, counts the
// error and says so in its stats, so a broken tier degrades the cache instead of failing a translation.

public protocol CacheTier: Sendable {
    var name: String { get }

    /// Whether a call waits on a server or a disk. The tiered cache overlaps only those tiers' writes; a tier
    /// that answers from memory is called inline.
    var waitsOnIO: Bool { get }

    /// One entry per key, nil where the tier has no (unexpired, well-formed) value. One round trip for all keys.
    func get(_ keys: [CacheKey]) async -> [CachedTranslation?]

    /// May return before the entries are stored (SQLite writes behind); `get` still finds them at once.
    func set(_ entries: [(key: CacheKey, value: CachedTranslation)]) async

    /// Stores whatever `set` has not stored yet. Shutdown calls it; a tier that stores in `set` does nothing.
    func flush() async

    /// Removes every entry, or only those of one language pair.
    func clear(pair: (source: String, target: String)?) async

    func stats() async -> TierStats

    /// Whether the tier works, for /health: polled often, so tiers whose stats are costly answer it cheaply.
    func health() async -> CacheHealth.Tier
}

extension CacheTier {
    public var waitsOnIO: Bool { true }

    public func flush() async {}

    public func health() async -> CacheHealth.Tier {
        let stats = await stats()
        return CacheHealth.Tier(name: stats.name, enabled: stats.enabled, healthy: stats.healthy, reason: stats.detail)
    }
}
