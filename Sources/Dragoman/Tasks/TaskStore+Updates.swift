// Writes after acceptance: finished items (one transaction per group of items), status changes, cancellation
// and the purge of finished tasks past their retention.
import Foundation
import SQLite

extension TaskStore {
    /// Records finished items and bumps the task's counters in one transaction. An item already finished is
    /// left as it is, so a replay after a crash cannot count anything twice.
    public func record(_ outcomes: [ItemOutcome], of id: String) async throws {
        guard !outcomes.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        try await database.access { connection in
            try connection.transaction {
                var done = 0, failed = 0
                for outcome in outcomes {
                    switch outcome.result {
                    case .success(let translation):
                        try connection.run(
                            "UPDATE items SET translation = ?, finished = 1 WHERE task_id = ? AND idx = ? AND finished = 0",
                            [.text(translation), .text(id), SQLiteValue(outcome.index)])
                        done += connection.changes
                    case .failure(let failure):
                        try connection.run(
                            "UPDATE items SET error_code = ?, error_message = ?, finished = 1 "
                                + "WHERE task_id = ? AND idx = ? AND finished = 0",
                            [.text(failure.error.code), .text(failure.error.message), .text(id), SQLiteValue(outcome.index)])
                        failed += connection.changes
                    }
                }
                try connection.run(
                    "UPDATE tasks SET done = done + ?, failed = failed + ?, updated_at = ? WHERE id = ?",
                    [SQLiteValue(done), SQLiteValue(failed), .real(now), .text(id)])
            }
        }
    }

    /// Moves a task to `status` unless it has already finished (a cancelled task stays cancelled).
    @discardableResult
    public func setStatus(_ status: TaskStatus, of id: String) async throws -> Bool {
        try await database.access { connection in
            try connection.run(
                "UPDATE tasks SET status = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'running')",
                [.text(status.rawValue), .real(Date().timeIntervalSince1970), .text(id)])
            return connection.changes > 0
        }
    }

    /// Cancels a task that has not finished; false when it is unknown or already finished.
    public func cancel(_ id: String) async throws -> Bool {
        try await setStatus(.cancelled, of: id)
    }

    /// Removes finished tasks (and their items) last updated before `cutoff`; returns how many.
    @discardableResult
    public func purge(finishedBefore cutoff: Date) async throws -> Int {
        try await database.access { connection in
            try connection.transaction {
                let old = "SELECT id FROM tasks WHERE status IN ('completed', 'failed', 'cancelled') AND updated_at < ?"
                let arguments: [SQLiteValue] = [.real(cutoff.timeIntervalSince1970)]
                try connection.run("DELETE FROM items WHERE task_id IN (\(old))", arguments)
                try connection.run("DELETE FROM tasks WHERE id IN (\(old))", arguments)
                return connection.changes
            }
        }
    }

    public func health() async -> TaskStoreHealth {
        do {
            let rows = try await database.rows("SELECT status, COUNT(*) FROM tasks GROUP BY status")
            let counts = Dictionary(uniqueKeysWithValues: rows.map { ($0[0].string ?? "", $0[1].int ?? 0) })
            return TaskStoreHealth(healthy: true, detail: nil, tasks: counts)
        } catch {
            return TaskStoreHealth(healthy: false, detail: "\(error)", tasks: [:])
        }
    }
}

public struct TaskStoreHealth: Sendable, Codable, Equatable {
    public var healthy: Bool
    public var detail: String?
    public var tasks: [String: Int]
}
