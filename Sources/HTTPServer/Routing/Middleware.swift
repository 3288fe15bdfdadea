// Middleware wraps a responder: one protocol, one method. It may change the request, call `next` or not,
// and change the response or the error, for example catch an HTTPError and render it in another shape.
public protocol Middleware: Sendable {
    func respond(to request: Request, next: any Responder) async throws -> Response
}

/// A responder behind a stack of middleware; the first in the list sees the request first.
public struct MiddlewareResponder: Responder {
    let middleware: [any Middleware]
    let responder: any Responder

    public init(_ middleware: [any Middleware], responder: any Responder) {
        self.middleware = middleware
        self.responder = responder
    }

    public func respond(to request: Request) async throws -> Response {
        var next = responder
        for layer in middleware.reversed() { next = Layer(middleware: layer, next: next) }
        return try await next.respond(to: request)
    }

    private struct Layer: Responder {
        let middleware: any Middleware
        let next: any Responder
        func respond(to request: Request) async throws -> Response {
            try await middleware.respond(to: request, next: next)
        }
    }
}

extension Responder {
    /// This responder behind `middleware`, outermost first.
    public func with(_ middleware: any Middleware...) -> MiddlewareResponder {
        MiddlewareResponder(middleware, responder: self)
    }
}

/// Middleware made from a closure, for small cross-cutting concerns and tests.
public struct ClosureMiddleware: Middleware {
    let body: @Sendable (Request, any Responder) async throws -> Response

    public init(_ body: @escaping @Sendable (Request, any Responder) async throws -> Response) {
        self.body = body
    }

    public func respond(to request: Request, next: any Responder) async throws -> Response {
        try await body(request, next)
    }
}
