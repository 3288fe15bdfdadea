// The way the rest of Dragoman uses SQLite: an actor that owns one Connection and runs every call on its own
// serial dispatch queue, so blocking SQLite work never occupies a thread of Swift's cooperative pool.
import Executors
import Foundation

public actor Database {
    private let executor: DispatchQueueExecutor
    private let connection: Connection
    public nonisolated let path: String

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Opens the database at `path`, creating its folder, and turns on write-ahead logging for files.
    public init(path: String, label: String = "sqlite") throws {
        if path != ":memory:" {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        self.executor = DispatchQueueExecutor(label: "dragoman.\(label)")
        self.connection = try Connection(path: path)
        self.path = path
        if path != ":memory:" { try connection.enableWriteAheadLog() }
    }

    /// Runs `body` with exclusive use of the connection, on this database's own queue.
    public func access<T: Sendable>(_ body: (Connection) throws -> T) throws -> T {
        try body(connection)
    }

    public func rows(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        try connection.rows(sql, arguments)
    }

    public func run(_ sql: String, _ arguments: [SQLiteValue] = []) throws {
        try connection.run(sql, arguments)
    }

    public func execute(_ sql: String) throws {
        try connection.execute(sql)
    }
}
