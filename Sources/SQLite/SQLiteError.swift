// Every failed SQLite call becomes one of these, carrying what is needed to act on it:
// the result code, SQLite's own message, and the statement that failed.
import CSQLite

public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (SQLITE_BUSY, SQLITE_CONSTRAINT, …) without the extended bits.
    public var primaryCode: Int32 { code & 0xff }

    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    public var description: String {
        let reason = "SQLite error \(code): \(message)"
        return sql.map { "\(reason) (in \($0))" } ?? reason
    }
}
