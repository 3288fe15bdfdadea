// One SQLite connection: the single owner of its sqlite3 handle, closed in deinit.
// A Connection is not thread-safe by itself; `Database` confines it to one serial executor.
import CSQLite

public final class Connection {
    let handle: OpaquePointer
    public let path: String
    private var statements: [String: Statement] = [:]

    /// Opens (creating if needed) the database at `path`; ":memory:" gives a private in-memory database.
    public init(path: String) throws(SQLiteError) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(db)
            throw SQLiteError(code: code, message: message, sql: nil)
        }
        self.handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        // Another connection (another process, a backup) may hold the write lock briefly; wait rather than fail.
        sqlite3_busy_timeout(db, 5_000)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that take no arguments (schema, pragmas).
    public func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code: code, sql: sql) }
    }

    /// A prepared statement for `sql`, compiled once per connection and reused afterwards.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try Statement(connection: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    public func rows(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> [[SQLiteValue]] {
        try prepare(sql).rows(arguments)
    }

    public func run(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) {
        try prepare(sql).run(arguments)
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> SQLiteValue? {
        try rows(sql, arguments).first?.first
    }

    /// Runs `body` inside one transaction (BEGIN IMMEDIATE, so a writer never deadlocks upgrading a read lock).
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    public var changes: Int { Int(sqlite3_changes(handle)) }
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    func error(code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

extension Connection {
    /// Write-ahead logging lets readers proceed while one writer commits; NORMAL sync is durable across
    /// process crashes (kill -9) in WAL mode, losing at most the last commits on power loss (sqlite.org/wal.html).
    public func enableWriteAheadLog() throws(SQLiteError) {
        try execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
    }

    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
