// What a stored batch task is, as the task store returns it and /api/task/<id> shows it.
import Foundation

public enum TaskStatus: String, Sendable, Codable, CaseIterable {
    case queued, running, completed, failed, cancelled

    public var isFinished: Bool { self == .completed || self == .failed || self == .cancelled }
}

public struct TaskRecord: Sendable, Equatable {
    public var id: String
    public var engine: String
    public var source: String
    public var target: String
    public var status: TaskStatus
    public var total: Int
    public var done: Int
    public var failed: Int
    public var createdAt: Date
    public var updatedAt: Date
}

/// One item's stored state: its translation, or its error, or neither while pending.
public struct TaskItem: Sendable, Equatable {
    public var index: Int
    public var text: String
    public var translation: String?
    public var error: ItemError?
}

public struct ItemError: Sendable, Equatable, Codable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// A finished item as the runner reports it to the store.
public struct ItemOutcome: Sendable, Equatable {
    public var index: Int
    public var result: Result<String, ItemFailure>

    public init(index: Int, result: Result<String, ItemFailure>) {
        self.index = index
        self.result = result
    }
}

/// `ItemError` as an `Error`, so it can sit in a `Result`.
public struct ItemFailure: Error, Sendable, Equatable {
    public var error: ItemError
    public init(code: String, message: String) { error = ItemError(code: code, message: message) }
}
