// The cache the service uses: tiers read fastest first (memory, Redis, SQLite), a hit copied into every faster
// tier, writes to all tiers. Tiers never throw (see CacheTier), so neither does this: a failing tier shows up in
// stats and health, never in a translation request.
import Logging
import Synchronization

public final class TieredCache: Sendable {
    public let tiers: [any CacheTier]
    /// Tiers switched off in the configuration, still listed in stats and health as `enabled: false`.
    public let disabledTiers: [String]
    let logger: Logger
    private let totals = Mutex((hits: 0, misses: 0))

    public convenience init(tiers: [any CacheTier], logger: Logger) {
        self.init(tiers: tiers, disabledTiers: [], logger: logger)
    }

    init(tiers: [any CacheTier], disabledTiers: [String], logger: Logger) {
        self.tiers = tiers
        self.disabledTiers = disabledTiers
        self.logger = logger
    }

    /// One value per key, nil where no tier has it. Each tier sees only the keys the faster tiers missed.
    public func get(_ keys: [CacheKey]) async -> [CachedTranslation?] {
        var results = [CachedTranslation?](repeating: nil, count: keys.count)
        var missing = Array(keys.indices)
        for (level, tier) in tiers.enumerated() where !missing.isEmpty {
            let found = await tier.get(missing.map { keys[$0] })
            var promoted: [(key: CacheKey, value: CachedTranslation)] = []
            var stillMissing: [Int] = []
            for (position, value) in zip(missing, found) {
                if let value {
                    results[position] = value
                    promoted.append((keys[position], value))
                } else {
                    stillMissing.append(position)
                }
            }
            for faster in tiers[..<level] where !promoted.isEmpty { await faster.set(promoted) }
            missing = stillMissing
        }
        totals.withLock {
            $0.hits += keys.count - missing.count
            $0.misses += missing.count
        }
        return results
    }

    public func get(_ key: CacheKey) async -> CachedTranslation? {
        await get([key])[0]
    }

    /// Writes to every tier; those that wait on I/O at once (a Redis round trip and an SQLite commit overlap).
    /// A tier that is down counts the failure and the others still store. With one such tier, as by default,
    /// no child task is made: a task per tier was CPU that every uncached request paid for.
    public func set(_ entries: [(key: CacheKey, value: CachedTranslation)]) async {
        guard !entries.isEmpty else { return }
        for tier in tiers where !tier.waitsOnIO { await tier.set(entries) }
        let slow = tiers.filter(\.waitsOnIO)
        if slow.count == 1 { return await slow[0].set(entries) }
        await withDiscardingTaskGroup { group in
            for tier in slow { group.addTask { await tier.set(entries) } }
        }
    }

    public func set(_ key: CacheKey, _ value: CachedTranslation) async {
        await set([(key, value)])
    }

    /// Stores what tiers that write behind (SQLite) still hold; shutdown waits for it.
    public func flush() async {
        for tier in tiers { await tier.flush() }
    }

    public func clear(pair: (source: String, target: String)?) async {
        for tier in tiers { await tier.clear(pair: pair) }
        logger.info("cache cleared", metadata: ["pair": "\(pair.map { "\($0.source)-\($0.target)" } ?? "all")"])
    }

    public func stats() async -> CacheStats {
        var tierStats: [TierStats] = []
        for tier in tiers { tierStats.append(await tier.stats()) }
        tierStats += disabledTiers.map { TierStats(name: $0, enabled: false) }
        let (hits, misses) = totals.withLock { ($0.hits, $0.misses) }
        return CacheStats(tiers: tierStats, hits: hits, misses: misses)
    }

    public func health() async -> CacheHealth {
        var health: [CacheHealth.Tier] = []
        for tier in tiers { health.append(await tier.health()) }
        health += disabledTiers.map { CacheHealth.Tier(name: $0, enabled: false, healthy: true) }
        return CacheHealth(tiers: health)
    }
}
