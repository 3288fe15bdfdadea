// The service's typed errors. Each carries a stable `code` and the HTTP status the API answers with, so the
// routes map errors in one place and the CLI can show the same codes without HTTP.
import HTTPTypes
import HTTPServer

public struct ServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    public var code: String
    public var message: String
    /// Seconds a client should wait before retrying (queue_full), sent as `Retry-After`.
    public var retryAfterSeconds: Int?

    public init(status: Int, code: String, message: String, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var description: String { "\(status) \(code): \(message)" }

    public var httpError: HTTPError {
        var headers: HTTPFields = [:]
        if let seconds = retryAfterSeconds { headers[.retryAfter] = String(seconds) }
        return HTTPError(HTTPResponse.Status(code: status), code: code, message: message, headers: headers)
    }
}

extension ServiceError {
    static func invalidJSON(_ detail: String) -> Self { .init(status: 400, code: "invalid_json", message: detail) }
    static func missingField(_ name: String) -> Self {
        .init(status: 400, code: "missing_field", message: "the field \"\(name)\" is required")
    }
    static func invalidField(_ name: String, _ detail: String) -> Self {
        .init(status: 400, code: "invalid_field", message: "\"\(name)\" \(detail)")
    }
    static func emptyText(index: Int?) -> Self {
        .init(status: 400, code: "empty_text", message: "text\(index.map { " \($0)" } ?? "") is empty")
    }
    static func textTooLong(index: Int?, length: Int, limit: Int) -> Self {
        .init(status: 413, code: "text_too_long",
              message: "text\(index.map { " \($0)" } ?? "") has \(length) characters; the limit is \(limit)")
    }
    static func tooManyTexts(count: Int, limit: Int) -> Self {
        .init(status: 413, code: "too_many_texts", message: "\(count) texts; the limit is \(limit)")
    }
    static func unknownEngine(_ name: String, known: [String]) -> Self {
        .init(status: 400, code: "unknown_engine",
              message: "no engine \"\(name)\"; available: \(known.sorted().joined(separator: ", "))")
    }
    static func unsupportedPair(_ pair: LanguagePairName, engine: String) -> Self {
        .init(status: 422, code: "unsupported_language_pair", message: "\(engine) cannot translate \(pair)")
    }
    static func detectionFailed(index: Int?) -> Self {
        .init(status: 422, code: "language_not_detected",
              message: "could not detect the language of text\(index.map { " \($0)" } ?? "")")
    }
    static func queueFull(retryAfter: Int) -> Self {
        .init(status: 429, code: "queue_full", message: "the translation queue is full; retry later",
              retryAfterSeconds: retryAfter)
    }
    static let shuttingDown = Self(status: 503, code: "shutting_down", message: "the server is shutting down")
    static func translationFailed(_ detail: String) -> Self {
        .init(status: 502, code: "translation_failed", message: detail)
    }
    static func taskNotFound(_ id: String) -> Self {
        .init(status: 404, code: "task_not_found", message: "no task \"\(id)\"")
    }
    static func taskFinished(_ id: String, status: String) -> Self {
        .init(status: 409, code: "task_finished", message: "task \"\(id)\" is already \(status)")
    }
    static func storage(_ detail: String) -> Self { .init(status: 500, code: "storage_error", message: detail) }
}

/// "en→es" in messages.
typealias LanguagePairName = String
