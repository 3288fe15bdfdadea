// The JSON shapes of the HTTP contract (issue 3) that the CLI sends and reads. Decoding is lenient about fields
// the CLI does not use, so a server that adds fields keeps working with an older CLI.
struct TranslateRequest: Encodable {
    var text: [String]
    var source: String
    var target: String
    var engine: String?
}

struct TranslateResponse: Decodable {
    var translation: [String]
    var source: String?
    var target: String?
    var engine: String?
}

struct BatchRequest: Encodable {
    var texts: [String]
    var source: String
    var target: String
    var engine: String?
}

struct BatchAccepted: Decodable {
    var taskID: String
    var total: Int

    enum CodingKeys: String, CodingKey {
        case taskID = "task_id"
        case total
    }
}

struct TaskSnapshot: Decodable, Equatable {
    struct Progress: Decodable, Equatable {
        var done: Int
        var failed: Int
        var total: Int
    }

    struct ItemError: Decodable, Equatable {
        var index: Int
        var code: String
        var message: String
    }

    var taskID: String
    var status: String
    var progress: Progress
    var results: [String?]?
    var errors: [ItemError]?

    enum CodingKeys: String, CodingKey {
        case taskID = "task_id"
        case status, progress, results, errors
    }

    /// `completed`, `failed` and `cancelled` are final; `queued` and `running` are not.
    var isFinished: Bool { ["completed", "failed", "cancelled"].contains(status) }
}

struct DetectRequest: Encodable {
    var text: String
}

struct Detection: Decodable, Equatable {
    var language: String
    var confidence: Double
}

/// The error body the server sends; both `{"error": {"code", "message"}}` and a flat `{"code", "message"}`.
struct ServerErrorBody: Decodable {
    struct Detail: Decodable {
        var code: String?
        var message: String?
    }

    var error: Detail?
    var code: String?
    var message: String?

    var bestCode: String? { error?.code ?? code }
    var bestMessage: String? { error?.message ?? message }
}
