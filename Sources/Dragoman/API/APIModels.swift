// The JSON the API answers with (issue 3 is the contract). Keys are written as clients read them.
import Foundation

/// A value that is one item for a single-text request and a list for a list request.
enum OneOrMany<Value: Encodable & Sendable>: Encodable, Sendable {
    case one(Value)
    case many([Value])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .one(let value): try container.encode(value)
        case .many(let values): try container.encode(values)
        }
    }
}

struct TranslateResponse: Encodable, Sendable {
    var translation: OneOrMany<String>
    var source: String
    var target: String
    var engine: String
    var cached: OneOrMany<Bool>
    var detected: OneOrMany<Detection?>?
    var route: OneOrMany<[String]?>?
}

struct TaskAccepted: Encodable, Sendable {
    var task_id: String
    var status: String
    var total: Int
}

struct TaskView: Encodable, Sendable {
    struct Progress: Encodable, Sendable {
        var done: Int
        var failed: Int
        var total: Int
    }
    struct ItemErrorView: Encodable, Sendable {
        var index: Int
        var code: String
        var message: String
    }
    var task_id: String
    var status: String
    var engine: String
    var source: String
    var target: String
    var progress: Progress
    var created_at: String
    var updated_at: String
    var results: [String?]?
    var errors: [ItemErrorView]?
}

struct PairView: Encodable, Sendable {
    var source: String
    var target: String
    var route: [String]?
}

struct LanguagesView: Encodable, Sendable {
    struct Code: Encodable, Sendable {
        var code: String
        /// What Apertium's mode files and APy call it ("eng"); requests may use either.
        var apertium: String
        var name: String?
    }
    var engines: [String: [PairView]]
    /// Every language some engine translates from or to.
    var languages: [String]
    /// The same languages with their Apertium codes and English names.
    var codes: [Code]
}

extension Date {
    /// "2026-12-01T21:18:49Z": a value-type format style, not a new ISO8601DateFormatter on every task poll.
    var iso8601: String { formatted(.iso8601) }
}
