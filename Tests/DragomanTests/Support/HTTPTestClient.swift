// A tiny JSON client over URLSession for end-to-end tests against a live loopback server.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

struct HTTPReply: @unchecked Sendable {  // `json` is a parsed, immutable JSON tree: never mutated after init.
    var status: Int
    var headers: [String: String]
    var json: Any?
    /// The body as text, for answers that are not JSON (/metrics).
    var text: String = ""

    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
}

struct HTTPTestClient: Sendable {
    let baseURL: String

    func send(_ method: String, _ path: String, json: Any? = nil, raw: String? = nil,
              headers: [String: String] = [:]) async throws -> HTTPReply {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let json { request.httpBody = try JSONSerialization.data(withJSONObject: json) }
        if let raw { request.httpBody = Data(raw.utf8) }
        if request.httpBody != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)".lowercased()] = "\(value)" }
        let json = data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return HTTPReply(status: http.statusCode, headers: fields, json: json, text: String(decoding: data, as: UTF8.self))
    }

    func post(_ path: String, _ json: Any) async throws -> HTTPReply { try await send("POST", path, json: json) }
    func get(_ path: String) async throws -> HTTPReply { try await send("GET", path) }

    /// Polls a task until it is finished; each poll waits a little so the server is not spun.
    func waitForTask(_ id: String, partial: Bool = false) async throws -> [String: Any] {
        while true {
            let reply = try await get("/api/task/\(id)")
            let status = reply.object["status"] as? String ?? ""
            if ["completed", "failed", "cancelled"].contains(status) { return reply.object }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
