// A parsed HTTP request as handlers see it: already decoded, already bounded by the server's limits.
import HTTPTypes

public struct Request: Sendable {
    public var method: HTTPRequest.Method
    /// The percent-decoded path, without the query string.
    public var path: String
    /// The path's segments, each decoded on its own: `/api/task/a%2Fb` is ["api", "task", "a/b"], three
    /// segments, where splitting `path` would give four. Routing matches these. Empty segments are dropped.
    public var pathSegments: [String]
    /// Query parameters, percent-decoded ('+' as space); a repeated name keeps its last value.
    public var query: [String: String]
    public var headers: HTTPFields
    public var body: [UInt8]
    /// Values captured by the router from patterns such as `/api/task/:id`.
    public var parameters: [String: String]
    /// The peer's address as the socket reports it ("127.0.0.1", "::1").
    public var remoteAddress: String

    public init(
        method: HTTPRequest.Method, path: String, pathSegments: [String]? = nil, query: [String: String] = [:],
        headers: HTTPFields = [:], body: [UInt8] = [], parameters: [String: String] = [:], remoteAddress: String = ""
    ) {
        self.method = method
        self.path = path
        // Built in process from a decoded path, there is no encoded form to split: its slashes are separators.
        self.pathSegments = pathSegments ?? path.split(separator: "/").map(String.init)
        self.query = query
        self.headers = headers
        self.body = body
        self.parameters = parameters
        self.remoteAddress = remoteAddress
    }
}
