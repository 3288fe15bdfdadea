// Builds the tiers a configuration asks for, in read order: memory, Redis, SQLite.
import Foundation
import Logging
import Redis

extension TieredCache {
    /// A relative SQLite path is resolved against `dataDirectory` when one is given, after dropping a leading
    /// "data/" (the default "data/cache.sqlite" names the data directory itself); otherwise against the working
    /// directory. Throws for an unusable Redis URL or an SQLite file that cannot be opened: those are
    /// configuration mistakes to report at start-up, unlike a Redis that is merely down, which only degrades.
    public static func make(
        configuration: CacheConfiguration, dataDirectory: String?, logger: Logger
    ) async throws -> TieredCache {
        var tiers: [any CacheTier] = []
        var disabled: [String] = []
        let memory = configuration.memory
        if memory.enabled {
            tiers.append(MemoryTier(maximumBytes: memory.maxBytes, timeToLive: memory.ttlSeconds))
        } else {
            disabled.append("memory")
        }
        if let redis = try redisTier(configuration.redis, logger: logger) {
            tiers.append(redis)
        } else {
            disabled.append("redis")
        }
        let sqlite = configuration.sqlite
        if sqlite.enabled {
            let limits = SQLiteTier.Limits(
                maximumEntries: sqlite.maxEntries, maximumBytes: sqlite.maxBytes, timeToLive: sqlite.ttlSeconds)
            let path = resolve(sqlite.path, in: dataDirectory)
            tiers.append(try await SQLiteTier(path: path, limits: limits))
            logger.info("cache: SQLite tier", metadata: ["path": "\(path)"])
        } else {
            disabled.append("sqlite")
        }
        return TieredCache(tiers: tiers, disabledTiers: disabled, logger: logger)
    }

    private static func redisTier(_ redis: CacheConfiguration.Redis, logger: Logger) throws -> RedisTier? {
        guard redis.enabled else { return nil }
        let url = try RedisURL(redis.url ?? "")
        logger.info("cache: Redis tier", metadata: ["url": "\(url)"])
        return RedisTier(
            url: url, timeout: .milliseconds(max(1, redis.timeoutMs)), timeToLive: redis.ttlSeconds, logger: logger)
    }

    static func resolve(_ path: String, in dataDirectory: String?) -> String {
        guard !path.hasPrefix("/"), let dataDirectory else { return path }
        let relative = path.hasPrefix("data/") ? String(path.dropFirst("data/".count)) : path
        return URL(fileURLWithPath: dataDirectory).appendingPathComponent(relative).path
    }
}
