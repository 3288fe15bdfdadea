// The persistent local tier: one SQLite file in WAL mode, so a restart starts warm. Workload: a batch look-up per
// request that missed memory (one SELECT … IN, prepared once), writes behind the request, and an LRU size cap.
// `set` only queues its rows: one transaction on the database's thread writes everything queued since the last
// one, so a busy server commits once per burst rather than once per request, and no request waits for a commit
// (measured: the commit and its two thread hops were the largest part of an uncached request's cache work).
// Queued rows are answered from the queue until written; `flush()` writes them, and shutdown calls it.
// Last access is written lazily too: a hit queues a touch only when the row's stamp is older than `touchInterval`,
// and queued touches go out with the next write, so hits stay read-only.
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
    /// Rows set and not yet written, newest per digest, and whether a write is already on its way for them.
    let pendingWrites = Mutex(PendingWrites())
    /// Past this many queued rows `set` writes them itself before returning: the queue stays bounded when the
    /// disk is slower than the requests.
    public static let pendingLimit = 4_096
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
        // Checked before the SELECT is queued: a row taken from the queue by a write is committed before any
        // SELECT queued after it runs, so no row is ever between the two places unseen.
        let queued = pendingWrites.withLock { pending in digests.map { pending.hit($0, now: now) } }
        let unqueued = zip(digests, queued).compactMap { $1 == nil ? $0 : nil }
        do {
            let found = unqueued.isEmpty
                ? [:] : try await database.access { connection in try self.fetch(unqueued, now: now, connection) }
            let values = zip(digests, queued).map { digest, queued in queued ?? found[digest] }
            let hits = values.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
            metrics.record(hits: hits, misses: keys.count - hits, since: start)
            metrics.clearError()
            return values
        } catch {
            metrics.recordError(error, misses: keys.count)
            return queued
        }
    }

    /// Queues the rows and returns; the write runs on the database's thread (see the file's header).
    public func set(_ entries: [(key: CacheKey, value: CachedTranslation)]) async {
        guard !entries.isEmpty else { return }
        let now = clock.now()
        let (startWrite, full) = pendingWrites.withLock { pending in
            for entry in entries {
                pending.add(digest: entry.key.digest, row: row(entry.key, entry.value, now: now), value: entry.value)
            }
            defer { pending.writeScheduled = true }
            return (!pending.writeScheduled, pending.rows.count >= Self.pendingLimit)
        }
        if full {
            await flush()
        } else if startWrite {
            Task { await self.flush() }
        }
    }

    /// Writes every queued row; returns when they are committed (or the write failed and counted its error).
    public func flush() async {
        try? await database.access { connection in self.writePending(connection) }
    }

    /// On the database's thread: takes the queue and commits it in one transaction.
    private func writePending(_ connection: Connection) {
        let rows = pendingWrites.withLock { pending in pending.takeAll() }
        guard !rows.isEmpty || !pendingTouches.withLock(\.isEmpty) else { return }
        let now = clock.now()
        do {
            try connection.transaction {
                for row in rows { try connection.run(Self.upsert, row) }
                try flushTouches(now: Int64(now), connection)
                try enforceLimits(now: now, connection)
            }
            metrics.clearError()
        } catch {
            metrics.recordError(error)
        }
    }

    public func clear(pair: (source: String, target: String)?) async {
        await flush()
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
        await flush()
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

    /// Positions in `row(_:_:now:)`, which binds the upsert's parameters in order.
    static let expiresColumn = 7
    static let accessedColumn = 8

    private func row(_ key: CacheKey, _ value: CachedTranslation, now: Double) -> [SQLiteValue] {
        let bytes = MemoryTier.cost(of: key, value)
        return [
            .text(key.digest), .text(key.source), .text(key.target), .text(key.engine), .text(value.engineVersion),
            .text(value.translation), .integer(Int64(bytes)), .integer(Int64(now + limits.timeToLive)),
            .integer(Int64(now)),
        ]
    }
}

/// The rows `set` queued for the next write, keyed by digest so a text set twice is written once, newest value.
struct PendingWrites: Sendable {
    var rows: [String: (row: [SQLiteValue], value: CachedTranslation)] = [:]
    var writeScheduled = false

    mutating func add(digest: String, row: [SQLiteValue], value: CachedTranslation) {
        rows[digest] = (row, value)
    }

    /// The queued value unless it has expired; a hit stamps the row's access time, as a hit on disk is touched.
    mutating func hit(_ digest: String, now: Int64) -> CachedTranslation? {
        guard let entry = rows[digest], let expiresAt = entry.row[SQLiteTier.expiresColumn].int, Int64(expiresAt) > now
        else { return nil }
        rows[digest]?.row[SQLiteTier.accessedColumn] = .integer(now)
        return entry.value
    }

    /// Empties the queue for a write; the next `set` schedules the one after.
    mutating func takeAll() -> [[SQLiteValue]] {
        defer {
            rows.removeAll(keepingCapacity: true)
            writeScheduled = false
        }
        return rows.values.map(\.row)
    }
}
