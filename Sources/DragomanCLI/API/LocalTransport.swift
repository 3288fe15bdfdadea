// The in-process transport: requests go straight to the service's responder (its router), with no socket in
// between. The service answers exactly as it would over HTTP, so in-process and `--server` runs share every
// route, limit and error code.
import Foundation
import HTTPClient
import HTTPServer
import HTTPTypes

struct LocalTransport: APITransport {
    let responder: any Responder
    var location: String { "in-process" }

    func send(_ method: HTTPMethod, _ path: String, body: [UInt8]?, headers: [(name: String, value: String)])
        async throws(CLIFailure) -> APIResponse
    {
        var request = Self.request(method, path, body: body)
        for (name, value) in headers { HTTPField.Name(name).map { request.headers.append(HTTPField(name: $0, value: value)) } }
        let response: Response
        do {
            response = try await responder.respond(to: request)
        } catch let error as HTTPError {
            response = error.response
        } catch is CancellationError {
            throw .interrupted("interrupted")
        } catch {
            throw .local("the in-process service failed: \(error)")
        }
        let retryAfter = response.headers[HTTPField.Name("Retry-After")!].flatMap { Int($0) }
        return APIResponse(status: response.status.code, body: response.body, retryAfter: retryAfter)
    }

    static func request(_ method: HTTPMethod, _ target: String, body: [UInt8]?) -> Request {
        let parts = target.split(separator: "?", maxSplits: 1)
        var query: [String: String] = [:]
        for pair in parts.count > 1 ? parts[1].split(separator: "&") : [] {
            let item = pair.split(separator: "=", maxSplits: 1).map { $0.removingPercentEncoding ?? String($0) }
            query[item[0]] = item.count > 1 ? item[1] : ""
        }
        var headers: HTTPFields = [:]
        if body != nil { headers[.contentType] = "application/json" }
        let raw = parts.first ?? "/"
        let path = raw.removingPercentEncoding ?? String(raw)
        // As the server does: split first, then decode each segment, so an encoded "/" stays inside its segment.
        let segments = raw.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        return Request(
            method: HTTPRequest.Method(method.rawValue) ?? .get, path: path, pathSegments: segments, query: query,
            headers: headers, body: body ?? [], remoteAddress: "in-process")
    }
}
