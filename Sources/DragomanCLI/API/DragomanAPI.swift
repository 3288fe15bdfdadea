// Typed calls to the Dragoman API over any transport. Non-2xx answers become `CLIFailure.server` carrying the
// server's JSON error; `429 Too Many Requests` (queue full) is waited out as its Retry-After asks.
import Foundation
import HTTPClient

struct DragomanAPI: Sendable {
    let transport: any APITransport
    /// How many 429 answers in a row are waited out before giving up.
    var maxBusyRetries = 60
    /// Sent as `X-Admin-Key` on admin operations (clearing the cache) when the server requires one.
    var adminKey: String?

    func translate(_ texts: [String], source: String, target: String, engine: String?) async throws(CLIFailure) -> TranslateResponse {
        try await call(.post, "/api/translate", TranslateRequest(text: texts, source: source, target: target, engine: engine))
    }

    func submitBatch(_ texts: [String], source: String, target: String, engine: String?) async throws(CLIFailure) -> BatchAccepted {
        try await call(.post, "/api/batch", BatchRequest(texts: texts, source: source, target: target, engine: engine))
    }

    func task(_ id: String, partial: Bool = false) async throws(CLIFailure) -> TaskSnapshot {
        try await call(.get, "/api/task/\(id)" + (partial ? "?partial=1" : ""), Optional<DetectRequest>.none)
    }

    func detect(_ text: String) async throws(CLIFailure) -> [Detection] {
        try await call(.post, "/api/detect", DetectRequest(text: text))
    }

    /// The raw JSON of an endpoint, for commands that show it as it is (health, languages, cache stats).
    func json(_ method: HTTPMethod, _ path: String) async throws(CLIFailure) -> [UInt8] {
        try await exchange(method, path, body: nil).body
    }

    /// Empties the translation cache, or only one pair's entries.
    func clearCache(source: String?, target: String?) async throws(CLIFailure) -> [UInt8] {
        let query = source.flatMap { source in target.map { "?source=\(source)&target=\($0)" } } ?? ""
        return try await exchange(.delete, "/api/cache" + query, body: nil, admin: true).body
    }

    private func call<Body: Encodable, Answer: Decodable>(
        _ method: HTTPMethod, _ path: String, _ body: Body?
    ) async throws(CLIFailure) -> Answer {
        let encoded = body.map { try! JSONEncoder().encode($0) }.map { [UInt8]($0) }  // plain structs always encode
        let response = try await exchange(method, path, body: encoded)
        do {
            return try JSONDecoder().decode(Answer.self, from: Data(response.body))
        } catch {
            let text = String(decoding: response.body.prefix(500), as: UTF8.self)
            throw .server(status: response.status, code: nil, message: "unexpected answer to \(method.rawValue) \(path)", body: text)
        }
    }

    private func exchange(
        _ method: HTTPMethod, _ path: String, body: [UInt8]?, admin: Bool = false
    ) async throws(CLIFailure) -> APIResponse {
        let headers = admin ? adminKey.map { [(name: "X-Admin-Key", value: $0)] } ?? [] : []
        var busy = 0
        while true {
            let response = try await transport.send(method, path, body: body, headers: headers)
            if (200..<300).contains(response.status) { return response }
            if response.status == 429 && busy < maxBusyRetries {
                busy += 1
                do { try await Task.sleep(for: .seconds(max(1, response.retryAfter ?? 1))) } catch {
                    throw .interrupted("interrupted while the server was busy")
                }
                continue
            }
            throw Self.failure(response)
        }
    }

    static func failure(_ response: APIResponse) -> CLIFailure {
        let detail = try? JSONDecoder().decode(ServerErrorBody.self, from: Data(response.body))
        return .server(
            status: response.status, code: detail?.bestCode, message: detail?.bestMessage,
            body: String(decoding: response.body.prefix(2000), as: UTF8.self))
    }
}
