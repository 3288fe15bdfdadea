// A stand-in for the Dragoman service that speaks the HTTP contract of issue 3 (JSON shapes, status codes, error
// bodies), used until the service branch lands; then these tests run against `DragomanTestServer`. It is
// deterministic by construction: a "translation" is `<target>:<text>`, each task poll finishes `step` more items,
// and `hold()` freezes progress, which stands in for a long batch (a test cannot interrupt a 2 ms one).
import Foundation
import HTTPServer
import HTTPTypes
import Synchronization

final class ContractStub: Responder {
    private struct StoredTask {
        var texts: [String]
        var target: String
        var done = 0
    }

    private struct State {
        var tasks: [String: StoredTask] = [:]
        var order: [String] = []
        var held = false
        var batchSubmissions = 0
    }

    let maxBatch: Int
    let step: Int
    private let state = Mutex(State())

    init(maxBatch: Int = 10_000, step: Int = 400) {
        self.maxBatch = maxBatch
        self.step = step
    }

    func hold(_ held: Bool = true) { state.withLock { $0.held = held } }
    var batchSubmissions: Int { state.withLock { $0.batchSubmissions } }

    static func translation(_ text: String, target: String) -> String { "\(target):\(text)" }

    func respond(to request: Request) async throws -> Response {
        switch (request.method, request.path) {
        case (.post, "/api/translate"): return try translate(request)
        case (.post, "/api/batch"): return try submit(request)
        case (.get, let path) where path.hasPrefix("/api/task/"): return try task(String(path.dropFirst(10)))
        case (.post, "/api/detect"): return Response.json(bytes: Array(#"[{"language":"en","confidence":0.9}]"#.utf8))
        case (.get, "/api/languages"): return try Response.json(["apertium": [["source": "en", "target": "es"]]])
        case (.get, "/health"): return try Response.json(["status": "ok"])
        default: throw HTTPError(.notFound, code: "not_found", message: "no route \(request.path)")
        }
    }

    private struct TranslateBody: Decodable { var text: [String]; var source: String; var target: String }
    private struct BatchBody: Decodable { var texts: [String]; var source: String; var target: String }

    private func decode<T: Decodable>(_ type: T.Type, _ request: Request) throws -> T {
        guard let value = try? JSONDecoder().decode(type, from: Data(request.body)) else {
            throw HTTPError(.badRequest, code: "invalid_json", message: "the body is not the expected JSON")
        }
        return value
    }

    private func check(_ texts: [String], target: String) throws {
        if target == "xx" { throw HTTPError(.notFound, code: "unsupported_pair", message: "no engine translates en→xx") }
        if let index = texts.firstIndex(where: { $0.isEmpty }) {
            throw HTTPError(.badRequest, code: "empty_text", message: "text \(index) is empty")
        }
        if let index = texts.firstIndex(where: { $0.count > 5_000 }) {
            throw HTTPError(.contentTooLarge, code: "text_too_long", message: "text \(index) is \(texts[index].count) characters; the limit is 5000")
        }
    }

    private func translate(_ request: Request) throws -> Response {
        let body = try decode(TranslateBody.self, request)
        try check(body.text, target: body.target)
        guard body.text.count <= 50 else { throw HTTPError(.contentTooLarge, code: "too_many_texts", message: "at most 50") }
        return try Response.json(["translation": body.text.map { Self.translation($0, target: body.target) }])
    }

    private func submit(_ request: Request) throws -> Response {
        let body = try decode(BatchBody.self, request)
        try check(body.texts, target: body.target)
        guard body.texts.count <= maxBatch else {
            throw HTTPError(.contentTooLarge, code: "too_many_texts", message: "\(body.texts.count) texts; the limit is \(maxBatch)")
        }
        let id = UUID().uuidString.lowercased()
        state.withLock { state in
            state.tasks[id] = StoredTask(texts: body.texts, target: body.target)
            state.batchSubmissions += 1
        }
        struct Accepted: Encodable { var task_id: String; var status = "queued"; var total: Int }
        return try Response.json(Accepted(task_id: id, total: body.texts.count), status: .accepted, headers: [.location: "/api/task/\(id)"])
    }

    private func task(_ id: String) throws -> Response {
        let stored: StoredTask? = state.withLock { state in
            guard var task = state.tasks[id] else { return nil }
            if !state.held { task.done = min(task.texts.count, task.done + step) }
            state.tasks[id] = task
            return task
        }
        guard let stored else { throw HTTPError(.notFound, code: "task_not_found", message: "no task \(id)") }
        return try Response.json(snapshot(id, stored))
    }

    private struct Snapshot: Encodable {
        struct Progress: Encodable { var done: Int; var failed: Int; var total: Int }
        struct ItemError: Encodable { var index: Int; var code: String; var message: String }
        var task_id: String
        var status: String
        var progress: Progress
        var results: [String?]?
        var errors: [ItemError]?
    }

    /// Texts equal to "FAIL" fail, the way an item fails after its retries on the real service.
    private func snapshot(_ id: String, _ task: StoredTask) -> Snapshot {
        let finished = task.done == task.texts.count
        let failing = task.texts.indices.filter { task.texts[$0] == "FAIL" }
        let failed = failing.filter { $0 < task.done }.count
        let results: [String?] = task.texts.map { $0 == "FAIL" ? nil : Self.translation($0, target: task.target) }
        return Snapshot(
            task_id: id, status: finished ? "completed" : (task.done == 0 ? "queued" : "running"),
            progress: .init(done: task.done - failed, failed: failed, total: task.texts.count),
            results: finished ? results : nil,
            errors: finished ? failing.map { .init(index: $0, code: "engine_failed", message: "the engine failed") } : nil)
    }
}
