// The hot tier: a byte-bounded LRU with TTL inside this process, behind one mutex. Workload: every request's
// first look-up, so it must cost well under a microsecond per key; it is lost on restart by design.
import Synchronization

public final class MemoryTier: CacheTier {
    public let name = "memory"
    public var waitsOnIO: Bool { false }
    public let maximumBytes: Int
    public let timeToLive: Double
    private let clock: CacheClock
    private let entries: Mutex<LRUCache<CacheKey, CachedTranslation>>
    private let metrics = TierMetrics()

    /// `timeToLive` in seconds; entries also leave earlier when the byte budget needs room.
    public init(maximumBytes: Int = 64 << 20, timeToLive: Double = 86_400, clock: CacheClock = .system) {
        self.maximumBytes = maximumBytes
        self.timeToLive = timeToLive
        self.clock = clock
        self.entries = Mutex(LRUCache(capacity: maximumBytes))
    }

    /// Approximate memory of one entry: the UTF-8 bytes of the key fields and the value.
    public static func cost(of key: CacheKey, _ value: CachedTranslation) -> Int {
        key.engine.utf8.count + key.engineVersion.utf8.count + key.source.utf8.count + key.target.utf8.count
            + key.text.utf8.count + value.translation.utf8.count + value.engineVersion.utf8.count
    }

    public func get(_ keys: [CacheKey]) async -> [CachedTranslation?] {
        lookup(keys)
    }

    /// The synchronous core of `get`, for callers (and benchmarks) that are not async.
    public func lookup(_ keys: [CacheKey]) -> [CachedTranslation?] {
        let start = TierMetrics.start()
        let now = clock.now()
        let values = entries.withLock { cache in keys.map { cache.value(for: $0, now: now) } }
        let hits = values.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        metrics.record(hits: hits, misses: keys.count - hits, since: start)
        return values
    }

    public func set(_ entries: [(key: CacheKey, value: CachedTranslation)]) async {
        store(entries)
    }

    public func store(_ entries: [(key: CacheKey, value: CachedTranslation)]) {
        let expiresAt = clock.now() + timeToLive
        self.entries.withLock { cache in
            for (key, value) in entries {
                cache.set(value, for: key, cost: Self.cost(of: key, value), expiresAt: expiresAt)
            }
        }
    }

    public func clear(pair: (source: String, target: String)?) async {
        entries.withLock { cache in
            if let pair {
                cache.removeAll { $0.source == pair.source && $0.target == pair.target }
            } else {
                cache.removeAll()
            }
        }
    }

    public func stats() async -> TierStats {
        var stats = TierStats(name: name)
        metrics.fill(&stats)
        (stats.entries, stats.bytes) = entries.withLock { ($0.count, $0.totalCost) }
        return stats
    }
}
