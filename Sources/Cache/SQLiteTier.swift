// The persistent local tier: one SQLite file in WAL mode, so a restart starts warm. Workload: a batch look-up per
// request that missed memory (one SELECT … IN, prepared once), an upsert transaction per computed batch, and an
// LRU size cap. Last access is written lazily: a hit queues a touch only when the row's stamp is older than
// `touchInterval`, and queued touches are written in one UPDATE with the next write, so hits stay read-only.
import Foundation
import SQLite
import Synchronization

public final class SQLiteTier: CacheTier {
    public struct Limits: Sendable {
        public var maximumEntries: Int
        public var maximumBytes: Int
        public var timeToLive: Double
        public var touchInterval: Double

        public init(
            maximumEntries: Int = 1_000_000, maximumBytes: Int = 1 << 30, timeToLive: Double = 30 * 86_400,
            touchInterval: Double = 60
        ) {
            self.maximumEntries = maximumEntries
            self.maximumBytes = maximumBytes
            self.timeToLive = timeToLive
            self.touchInterval = touchInterval
        }
    }

    public let name = "sqlite"
    public let limits: Limits
    let database: Database
    let clock: CacheClock
    let metrics = TierMetrics()
    /// Digests hit since the last write whose access stamp is stale; flushed with the next write.
    let pendingTouches = Mutex(Set<String>())
    static let batchLimit = 512
    static let purgeEvery = 3_600.0
    let nextPurge: Mutex<Double>

    public init(path: String, limits: Limits = Limits(), clock: CacheClock = .system) async throws {
        self.limits = limits
        self.clock = clock
        self.database = try Database(path: path, label: "cache-sqlite")
        self.nextPurge = Mutex(clock.now() + Self.purgeEvery)
        try await database.execute(Self.schema)
    }

    public var path: String { database.path }

    public func get(_ keys: [CacheKey]) async -> [CachedTranslation?] {
        guard !keys.isEmpty else { return [] }
        let start = TierMetrics.start()
        let digests = keys.map(\.digest)
        let now = Int64(clock.now())
        do {
            let found = try await database.access { connection in try self.fetch(digests, now: now, connection) }
            let values = digests.map { found[$0] }
            let hits = values.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
            metrics.record(hits: hits, misses: keys.count - hits, since: start)
            metrics.clearError()
            return values
        } catch {
            metrics.recordError(error, misses: keys.count)
            return Array(repeating: nil, count: keys.count)
        }
    }

    public func set(_ entries: [(key: CacheKey, value: CachedTranslation)]) async {
        guard !entries.isEmpty else { return }
        let now = clock.now()
        let rows = entries.map { entry in row(entry.key, entry.value, now: now) }
        do {
            try await database.access { connection in
                try connection.transaction {
                    for row in rows { try connection.run(Self.upsert, row) }
                    try self.flushTouches(now: Int64(now), connection)
                    try self.enforceLimits(now: now, connection)
                }
            }
            metrics.clearError()
        } catch {
            metrics.recordError(error)
        }
    }

    public func clear(pair: (source: String, target: String)?) async {
        do {
            if let pair {
                try await database.run(Self.clearPair, [.text(pair.source), .text(pair.target)])
            } else {
                try await database.run(Self.clearAll)
            }
            pendingTouches.withLock { $0.removeAll() }
        } catch {
            metrics.recordError(error)
        }
    }

    public func stats() async -> TierStats {
        var stats = TierStats(name: name)
        metrics.fill(&stats)
        do {
            let totals = try await database.rows(Self.totals).first
            stats.entries = totals?[0].int ?? 0
            stats.bytes = totals?[1].int ?? 0
        } catch {
            metrics.recordError(error)
        }
        stats.detail = metrics.lastError
        stats.healthy = stats.detail == nil
        return stats
    }

    /// The last error alone: stats' totals scan every row, too much for a liveness probe over a large cache.
    public func health() async -> CacheHealth.Tier {
        let error = metrics.lastError
        return CacheHealth.Tier(name: name, enabled: true, healthy: error == nil, reason: error)
    }

    private func row(_ key: CacheKey, _ value: CachedTranslation, now: Double) -> [SQLiteValue] {
        let bytes = MemoryTier.cost(of: key, value)
        return [
            .text(key.digest), .text(key.source), .text(key.target), .text(key.engine), .text(value.engineVersion),
            .text(value.translation), .integer(Int64(bytes)), .integer(Int64(now + limits.timeToLive)),
            .integer(Int64(now)),
        ]
    }
}
