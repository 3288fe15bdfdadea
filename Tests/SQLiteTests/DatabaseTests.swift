import Foundation
import SQLite
import Testing

@Suite struct DatabaseTests {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("dragoman-sqlite-\(UUID().uuidString)/test.sqlite").path

    @Test func roundTripsEveryStorageClass() async throws {
        let db = try Database(path: path)
        try await db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n)")
        try await db.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [42, 2.5, "héllo ✓", .blob([0, 1, 255]), nil])
        let rows = try await db.rows("SELECT i, r, s, b, n FROM t")
        #expect(rows == [[.integer(42), .real(2.5), .text("héllo ✓"), .blob([0, 1, 255]), .null]])
    }

    @Test func usesWriteAheadLogging() async throws {
        let db = try Database(path: path)
        let mode = try await db.access { try $0.scalar("PRAGMA journal_mode")?.string }
        #expect(mode == "wal")
    }

    @Test func errorsCarryCodeMessageAndSQL() async throws {
        let db = try Database(path: path)
        do {
            try await db.run("SELECT * FROM missing_table")
            Issue.record("expected an error")
        } catch let error as SQLiteError {
            #expect(error.message.contains("missing_table"))
            #expect(error.sql == "SELECT * FROM missing_table")
        }
    }

    @Test func rollsBackAFailedTransaction() async throws {
        let db = try Database(path: path)
        try await db.execute("CREATE TABLE t (k TEXT PRIMARY KEY)")
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await db.access { connection in
                try connection.transaction {
                    try connection.run("INSERT INTO t VALUES ('a')")
                    throw Boom()
                }
            }
        }
        let count = try await db.access { try $0.scalar("SELECT count(*) FROM t")?.int }
        #expect(count == 0)
    }

    @Test func dataSurvivesReopening() async throws {
        do {
            let db = try Database(path: path)
            try await db.execute("CREATE TABLE t (v TEXT)")
            try await db.run("INSERT INTO t VALUES (?)", ["kept"])
        }
        let reopened = try Database(path: path)
        #expect(try await reopened.rows("SELECT v FROM t") == [[.text("kept")]])
    }
}
