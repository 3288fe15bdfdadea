// What the server calls for each request. The router is one; middleware wraps one in another.
public protocol Responder: Sendable {
    func respond(to request: Request) async throws -> Response
}

/// A responder made from a closure, for handlers and tests.
public struct ClosureResponder: Responder {
    let body: @Sendable (Request) async throws -> Response

    public init(_ body: @escaping @Sendable (Request) async throws -> Response) {
        self.body = body
    }

    public func respond(to request: Request) async throws -> Response {
        try await body(request)
    }
}
