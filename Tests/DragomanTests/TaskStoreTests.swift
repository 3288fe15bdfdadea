// The task store on a real SQLite file: a task and its items stored at once, items finished once only,
// unfinished tasks found again by a second store on the same file (what a restart sees), cancel and purge.
import Foundation
import Testing
import TestSupport
@testable import Dragoman

@Test func aStoredTaskIsFoundAgainByAFreshStoreOnTheSameFile() async throws {
    let folder = TemporaryDirectory("tasks")
    let record: TaskRecord
    do {
        let store = try await TaskStore(path: folder.file("tasks.sqlite"))
        record = try await store.create(texts: ["a", "b", "c"], engine: "apertium", source: "en", target: "es")
        try await store.record([ItemOutcome(index: 1, result: .success("B"))], of: record.id)
    }
    let reopened = try await TaskStore(path: folder.file("tasks.sqlite"))
    #expect(try await reopened.unfinished().map(\.id) == [record.id])
    let pending = try await reopened.pendingItems(of: record.id, after: -1, limit: 10)
    #expect(pending.map(\.index) == [0, 2])
    #expect(pending.map(\.text) == ["a", "c"])
    #expect(try await reopened.task(record.id)?.done == 1)
}

@Test func anItemFinishedTwiceCountsOnce() async throws {
    let folder = TemporaryDirectory("tasks")
    let store = try await TaskStore(path: folder.file("tasks.sqlite"))
    let record = try await store.create(texts: ["a", "b"], engine: "e", source: "en", target: "es")
    try await store.record([ItemOutcome(index: 0, result: .success("A"))], of: record.id)
    try await store.record([ItemOutcome(index: 0, result: .success("A2"))], of: record.id)
    try await store.record([ItemOutcome(index: 1, result: .failure(.init(code: "engine_failed", message: "x")))], of: record.id)
    let task = try #require(try await store.task(record.id))
    #expect((task.done, task.failed) == (1, 1))
    let items = try await store.items(of: record.id)
    #expect(items.map(\.translation) == ["A", nil])
    #expect(items[1].error == ItemError(code: "engine_failed", message: "x"))
}

@Test func cancelStopsOnlyUnfinishedTasksAndPurgeRemovesOldFinishedOnes() async throws {
    let folder = TemporaryDirectory("tasks")
    let store = try await TaskStore(path: folder.file("tasks.sqlite"))
    let first = try await store.create(texts: ["a"], engine: "e", source: "en", target: "es")
    let second = try await store.create(texts: ["b"], engine: "e", source: "en", target: "es")
    #expect(try await store.cancel(first.id))
    #expect(try await store.cancel(first.id) == false)
    #expect(try await store.task(first.id)?.status == .cancelled)
    #expect(try await store.purge(finishedBefore: Date().addingTimeInterval(-60)) == 0)
    #expect(try await store.purge(finishedBefore: Date().addingTimeInterval(60)) == 1)
    #expect(try await store.task(first.id) == nil)
    #expect(try await store.items(of: first.id).isEmpty)
    #expect(try await store.task(second.id) != nil)
}
