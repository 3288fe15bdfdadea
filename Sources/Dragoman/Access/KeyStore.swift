// API keys in SQLite (one `keys.sqlite` in the data dir, shared by `dragoman serve` and `dragoman keys`).
// Workload: one indexed lookup by hash per keyed request and one usage update after it; writes are rare.
import Foundation
import SQLite

public final class KeyStore: Sendable {
    private let database: Database

    public init(path: String) async throws {
        self.database = try Database(path: path, label: "keys")
        try await database.execute(Self.schema)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS api_keys (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            secret_sha256 TEXT NOT NULL UNIQUE,
            admin INTEGER NOT NULL DEFAULT 0,
            requests_per_minute INTEGER,
            characters_per_minute INTEGER,
            character_quota INTEGER,
            characters_used INTEGER NOT NULL DEFAULT 0,
            created_at REAL NOT NULL,
            revoked_at REAL
        );
        """

    /// Adds a key and returns it with its secret, which is shown once and never stored.
    public func add(
        name: String, limit: RateLimit = .unlimited, characterQuota: Int? = nil, isAdmin: Bool = false
    ) async throws -> (key: APIKey, secret: String) {
        let secret = APIKeySecret.generate()
        let key = try await insert(secret: secret, name: name, limit: limit, quota: characterQuota, admin: isAdmin)
        return (key, secret)
    }

    /// Adds a key whose secret comes from configuration; does nothing if that secret is already stored.
    @discardableResult
    public func importSecret(
        _ secret: String, name: String, limit: RateLimit, characterQuota: Int?, isAdmin: Bool
    ) async throws -> APIKey {
        if let existing = try await key(forSecret: secret, includingRevoked: true) { return existing }
        return try await insert(secret: secret, name: name, limit: limit, quota: characterQuota, admin: isAdmin)
    }

    private func insert(
        secret: String, name: String, limit: RateLimit, quota: Int?, admin: Bool
    ) async throws -> APIKey {
        // Made from the stored Double, so a key read back compares equal to the one returned here.
        let created = Date(timeIntervalSince1970: Date().timeIntervalSince1970)
        let key = APIKey(
            id: APIKeySecret.newID(), name: name, isAdmin: admin, limit: limit, characterQuota: quota,
            charactersUsed: 0, createdAt: created, revokedAt: nil)
        try await database.run(
            """
            INSERT INTO api_keys (id, name, secret_sha256, admin, requests_per_minute, characters_per_minute,
                character_quota, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(key.id), .text(name), .text(APIKeySecret.hash(secret)), .integer(admin ? 1 : 0),
             .optional(limit.requestsPerMinute), .optional(limit.charactersPerMinute), .optional(quota),
             .real(key.createdAt.timeIntervalSince1970)])
        return key
    }

    /// The key a presented secret belongs to; revoked keys are not returned unless asked for.
    public func key(forSecret secret: String, includingRevoked: Bool = false) async throws -> APIKey? {
        let rows = try await database.rows(
            "SELECT \(Self.columns) FROM api_keys WHERE secret_sha256 = ?", [.text(APIKeySecret.hash(secret))])
        guard let key = rows.first.flatMap(APIKey.init(row:)) else { return nil }
        return includingRevoked || !key.isRevoked ? key : nil
    }

    /// How many live keys there are, and how many of them are admin keys: what decides whether the access layer
    /// has anything to check. One aggregate over a table of a few rows.
    public func census() async throws -> KeyCensus {
        let rows = try await database.rows(
            "SELECT COUNT(*), COALESCE(SUM(admin), 0) FROM api_keys WHERE revoked_at IS NULL")
        return KeyCensus(keys: rows.first?[0].int ?? 0, admins: rows.first?[1].int ?? 0)
    }

    public func list() async throws -> [APIKey] {
        try await database.rows("SELECT \(Self.columns) FROM api_keys ORDER BY created_at, id")
            .compactMap(APIKey.init(row:))
    }

    /// Revokes the key with `id`; returns false when there is no such live key.
    public func revoke(id: String) async throws -> Bool {
        try await database.access { connection in
            try connection.run(
                "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                [.real(Date().timeIntervalSince1970), .text(id)])
            return connection.changes > 0
        }
    }

    /// Adds translated characters to a key's usage (DeepL's `character_count`).
    public func recordUsage(id: String, characters: Int) async throws {
        try await database.run(
            "UPDATE api_keys SET characters_used = characters_used + ? WHERE id = ?", [.integer(Int64(characters)), .text(id)])
    }

    static let columns =
        "id, name, admin, requests_per_minute, characters_per_minute, character_quota, characters_used, created_at, revoked_at"
}

public struct KeyCensus: Sendable, Equatable {
    public var keys: Int
    public var admins: Int

    public init(keys: Int, admins: Int) {
        self.keys = keys
        self.admins = admins
    }
}

extension APIKey {
    init?(row: [SQLiteValue]) {
        guard row.count == 9, let id = row[0].string, let name = row[1].string, let created = row[7].double
        else { return nil }
        self.init(
            id: id, name: name, isAdmin: row[2].int == 1,
            limit: RateLimit(requestsPerMinute: row[3].int, charactersPerMinute: row[4].int),
            characterQuota: row[5].int, charactersUsed: row[6].int ?? 0,
            createdAt: Date(timeIntervalSince1970: created),
            revokedAt: row[8].double.map { Date(timeIntervalSince1970: $0) })
    }
}

extension SQLiteValue {
    static func optional(_ value: Int?) -> SQLiteValue { value.map { .integer(Int64($0)) } ?? .null }
}
