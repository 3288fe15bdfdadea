// Durable batch tasks in one SQLite file (WAL): a row per task and a row per item. A task is stored with all its
// items in one transaction before the API answers 202, and finished items are written in small transactions as
// they complete, so a kill -9 loses at most the items in flight, which are redone on restart.
import Foundation
import SQLite

public final class TaskStore: Sendable {
    public let database: Database

    public init(path: String) async throws {
        database = try Database(path: path, label: "tasks")
        try await database.execute(Self.schema)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS tasks(
            id TEXT PRIMARY KEY, engine TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
            status TEXT NOT NULL, total INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0, created_at REAL NOT NULL, updated_at REAL NOT NULL);
        CREATE INDEX IF NOT EXISTS tasks_by_status ON tasks(status, updated_at);
        CREATE TABLE IF NOT EXISTS items(
            task_id TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL, translation TEXT,
            error_code TEXT, error_message TEXT, finished INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(task_id, idx)) WITHOUT ROWID;
        """

    /// Stores a new task and every item in one transaction; returns only once it is committed.
    public func create(texts: [String], engine: String, source: String, target: String) async throws -> TaskRecord {
        let now = Date()
        let record = TaskRecord(
            id: UUID().uuidString.lowercased(), engine: engine, source: source, target: target, status: .queued,
            total: texts.count, done: 0, failed: 0, createdAt: now, updatedAt: now)
        try await database.access { connection in
            try connection.transaction {
                try connection.run(
                    "INSERT INTO tasks(id, engine, source, target, status, total, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [.text(record.id), .text(engine), .text(source), .text(target), .text(record.status.rawValue),
                     SQLiteValue(texts.count), .real(now.timeIntervalSince1970), .real(now.timeIntervalSince1970)])
                for (index, text) in texts.enumerated() {
                    try connection.run(
                        "INSERT INTO items(task_id, idx, text) VALUES (?, ?, ?)",
                        [.text(record.id), SQLiteValue(index), .text(text)])
                }
            }
        }
        return record
    }

    public func task(_ id: String) async throws -> TaskRecord? {
        try await database.rows(
            "SELECT id, engine, source, target, status, total, done, failed, created_at, updated_at "
                + "FROM tasks WHERE id = ?", [.text(id)]
        ).first.map(Self.record)
    }

    /// Tasks accepted and not finished: the ones to resume at start-up.
    public func unfinished() async throws -> [TaskRecord] {
        try await database.rows(
            "SELECT id, engine, source, target, status, total, done, failed, created_at, updated_at "
                + "FROM tasks WHERE status IN ('queued', 'running') ORDER BY created_at"
        ).map(Self.record)
    }

    /// Up to `limit` unfinished items after `index`, in order.
    public func pendingItems(of id: String, after index: Int, limit: Int) async throws -> [(index: Int, text: String)] {
        try await database.rows(
            "SELECT idx, text FROM items WHERE task_id = ? AND finished = 0 AND idx > ? ORDER BY idx LIMIT ?",
            [.text(id), SQLiteValue(index), SQLiteValue(limit)]
        ).map { ($0[0].int ?? 0, $0[1].string ?? "") }
    }

    public func items(of id: String) async throws -> [TaskItem] {
        try await items(of: id, where: "")
    }

    /// Only the items that failed: what a progress poll of a running task shows, without reading every row.
    public func failedItems(of id: String) async throws -> [TaskItem] {
        try await items(of: id, where: "AND error_code IS NOT NULL")
    }

    private func items(of id: String, where condition: String) async throws -> [TaskItem] {
        try await database.rows(
            "SELECT idx, text, translation, error_code, error_message FROM items WHERE task_id = ? \(condition) ORDER BY idx",
            [.text(id)]
        ).map { row in
            let error = row[3].string.map { ItemError(code: $0, message: row[4].string ?? "") }
            return TaskItem(index: row[0].int ?? 0, text: row[1].string ?? "", translation: row[2].string, error: error)
        }
    }

    static func record(_ row: [SQLiteValue]) -> TaskRecord {
        TaskRecord(
            id: row[0].string ?? "", engine: row[1].string ?? "", source: row[2].string ?? "",
            target: row[3].string ?? "", status: TaskStatus(rawValue: row[4].string ?? "") ?? .failed,
            total: row[5].int ?? 0, done: row[6].int ?? 0, failed: row[7].int ?? 0,
            createdAt: Date(timeIntervalSince1970: row[8].double ?? 0),
            updatedAt: Date(timeIntervalSince1970: row[9].double ?? 0))
    }
}
