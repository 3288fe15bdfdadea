// What a completed HTTP exchange returned, copied out of libcurl into plain Swift values.
public struct HTTPClientResponse: Sendable, Equatable {
    public var url: String
    public var status: Int
    /// Header fields in arrival order, names as sent (look them up with `header(_:)`, which ignores case).
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(url: String, status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.url = url
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header field; field names are case-insensitive (RFC 9110 §5.1).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The response itself when its status is 2xx, otherwise `.status` with the body as evidence.
    public func checked() throws(HTTPClientError) -> HTTPClientResponse {
        guard isSuccess else { throw .status(url: url, status: status, body: body) }
        return self
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.url == rhs.url && lhs.status == rhs.status && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name): \($0.value)" } == rhs.headers.map { "\($0.name): \($0.value)" }
    }
}
