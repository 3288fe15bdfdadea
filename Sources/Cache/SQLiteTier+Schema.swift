// The SQLite tier's schema and statements in one place. Entry count and byte total are kept by triggers in a
// one-row table, so stats and the size cap read two integers instead of scanning (count(*) is O(n) in SQLite).
extension SQLiteTier {
    static let schema = """
        CREATE TABLE IF NOT EXISTS translations (
            key TEXT PRIMARY KEY,            -- CacheKey.digest
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            engine TEXT NOT NULL,
            engine_version TEXT NOT NULL,
            translation TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,     -- seconds since 1970
            accessed_at INTEGER NOT NULL     -- seconds since 1970, refreshed at most every touchInterval
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS translations_by_access ON translations (accessed_at);
        CREATE INDEX IF NOT EXISTS translations_by_pair ON translations (source, target);
        CREATE TABLE IF NOT EXISTS translation_totals (
            id INTEGER PRIMARY KEY CHECK (id = 0), entries INTEGER NOT NULL, bytes INTEGER NOT NULL);
        INSERT OR IGNORE INTO translation_totals VALUES (0, 0, 0);
        CREATE TRIGGER IF NOT EXISTS translations_inserted AFTER INSERT ON translations BEGIN
            UPDATE translation_totals SET entries = entries + 1, bytes = bytes + NEW.bytes; END;
        CREATE TRIGGER IF NOT EXISTS translations_deleted AFTER DELETE ON translations BEGIN
            UPDATE translation_totals SET entries = entries - 1, bytes = bytes - OLD.bytes; END;
        CREATE TRIGGER IF NOT EXISTS translations_resized AFTER UPDATE OF bytes ON translations BEGIN
            UPDATE translation_totals SET bytes = bytes - OLD.bytes + NEW.bytes; END;
        """

    static let upsert = """
        INSERT INTO translations
            (key, source, target, engine, engine_version, translation, bytes, expires_at, accessed_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        ON CONFLICT (key) DO UPDATE SET translation = excluded.translation, bytes = excluded.bytes,
            expires_at = excluded.expires_at, accessed_at = excluded.accessed_at
        """

    static let totals = "SELECT entries, bytes FROM translation_totals WHERE id = 0"
    static let evictOldest =
        "DELETE FROM translations WHERE key IN (SELECT key FROM translations ORDER BY accessed_at LIMIT ?1)"
    static let purgeExpired = "DELETE FROM translations WHERE expires_at <= ?1"
    static let clearAll = "DELETE FROM translations"
    static let clearPair = "DELETE FROM translations WHERE source = ?1 AND target = ?2"

    /// Batch sizes are rounded up to a power of two (padding repeats a key), so a handful of prepared
    /// statements serve every batch size instead of one per size.
    static func select(placeholders: Int) -> String {
        let list = (1...placeholders).map { "?\($0 + 1)" }.joined(separator: ",")
        return "SELECT key, translation, engine_version, accessed_at FROM translations "
            + "WHERE key IN (\(list)) AND expires_at > ?1"
    }

    static func touch(placeholders: Int) -> String {
        let list = (1...placeholders).map { "?\($0 + 1)" }.joined(separator: ",")
        return "UPDATE translations SET accessed_at = ?1 WHERE key IN (\(list))"
    }

    static func paddedCount(_ count: Int) -> Int {
        var size = 1
        while size < count { size <<= 1 }
        return size
    }
}
