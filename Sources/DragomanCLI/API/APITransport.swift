// How the CLI reaches the Dragoman API: over HTTP to a running server, or in-process through the same routes.
// Both speak the JSON of the HTTP contract, so every command behaves the same either way.
import HTTPClient

struct APIResponse: Sendable {
    var status: Int
    var body: [UInt8]
    /// Seconds from a `Retry-After` header (RFC 9110 §10.2.3), when the server sent one.
    var retryAfter: Int?
}

protocol APITransport: Sendable {
    /// Where requests go, for messages: the server's URL or "in-process".
    var location: String { get }
    func send(_ method: HTTPMethod, _ path: String, body: [UInt8]?, headers: [(name: String, value: String)])
        async throws(CLIFailure) -> APIResponse
}

struct RemoteTransport: APITransport {
    let baseURL: String
    let client: HTTPClient

    init(baseURL: String, client: HTTPClient = HTTPClient()) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.client = client
    }

    var location: String { baseURL }

    func send(_ method: HTTPMethod, _ path: String, body: [UInt8]?, headers: [(name: String, value: String)])
        async throws(CLIFailure) -> APIResponse
    {
        let headers = headers + (body == nil ? [] : [(name: "Content-Type", value: "application/json")])
        do {
            let response = try await client.send(method: method, url: baseURL + path, headers: headers, body: body)
            return APIResponse(status: response.status, body: response.body, retryAfter: response.header("Retry-After").flatMap { Int($0) })
        } catch .cancelled {
            throw .interrupted("interrupted")
        } catch {
            throw .unreachable(url: baseURL, error.description)
        }
    }
}
