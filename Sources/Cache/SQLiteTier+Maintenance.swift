// The SQLite tier's work inside one connection call: the batched look-up with its lazy access stamps, and the
// size cap. Everything here runs on the Database actor's own thread, inside `Database.access`.
import SQLite

extension SQLiteTier {
    /// One SELECT per 512 keys; returns the unexpired rows by digest and queues stale access stamps.
    func fetch(_ digests: [String], now: Int64, _ connection: Connection) throws -> [String: CachedTranslation] {
        var found: [String: CachedTranslation] = [:]
        var stale: [String] = []
        for start in stride(from: 0, to: digests.count, by: Self.batchLimit) {
            let chunk = Array(digests[start..<min(start + Self.batchLimit, digests.count)])
            let size = Self.paddedCount(chunk.count)
            let arguments = [SQLiteValue.integer(now)] + (0..<size).map { .text(chunk[min($0, chunk.count - 1)]) }
            for row in try connection.rows(Self.select(placeholders: size), arguments) {
                guard let key = row[0].string, let text = row[1].string, let version = row[2].string else { continue }
                found[key] = CachedTranslation(translation: text, engineVersion: version)
                if Double(now - (row[3].int.map(Int64.init) ?? 0)) >= limits.touchInterval { stale.append(key) }
            }
        }
        if !stale.isEmpty { pendingTouches.withLock { $0.formUnion(stale) } }
        return found
    }

    func flushTouches(now: Int64, _ connection: Connection) throws {
        let touches = Array(pendingTouches.withLock { pending in
            defer { pending.removeAll() }
            return pending
        })
        for start in stride(from: 0, to: touches.count, by: Self.batchLimit) {
            let chunk = Array(touches[start..<min(start + Self.batchLimit, touches.count)])
            let size = Self.paddedCount(chunk.count)
            let arguments = [SQLiteValue.integer(now)] + (0..<size).map { .text(chunk[min($0, chunk.count - 1)]) }
            try connection.run(Self.touch(placeholders: size), arguments)
        }
    }

    /// Deletes expired rows once an hour, and least recently used rows whenever a cap is exceeded, down to 1/32
    /// below the cap so that a full cache does not evict on every single write.
    func enforceLimits(now: Double, _ connection: Connection) throws {
        let purge = nextPurge.withLock { next in
            guard now >= next else { return false }
            next = now + Self.purgeEvery
            return true
        }
        if purge { try connection.run(Self.purgeExpired, [.integer(Int64(now))]) }
        let targetEntries = limits.maximumEntries - limits.maximumEntries / 32
        let targetBytes = limits.maximumBytes - limits.maximumBytes / 32
        var (entries, bytes) = try totals(connection)
        guard entries > limits.maximumEntries || bytes > limits.maximumBytes else { return }
        while entries > 0, entries > targetEntries || bytes > targetBytes {
            let byCount = entries - targetEntries
            let byBytes = bytes > targetBytes ? (bytes - targetBytes) * entries / max(bytes, 1) + 1 : 0
            try connection.run(Self.evictOldest, [.integer(Int64(max(1, byCount, byBytes)))])
            (entries, bytes) = try totals(connection)
        }
    }

    func totals(_ connection: Connection) throws -> (entries: Int, bytes: Int) {
        let row = try connection.rows(Self.totals).first
        return (row?[0].int ?? 0, row?[1].int ?? 0)
    }
}
