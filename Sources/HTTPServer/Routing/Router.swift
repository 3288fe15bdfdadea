// Routes a request by path pattern and method. Patterns are literal segments and `:name` parameters
// (`/api/task/:id`); a path that matches with the wrong method is 405 with `Allow`, no match is 404.
// Both are thrown as HTTPError, so middleware can catch them and render them its own way.
import HTTPTypes

public struct Router: Responder {
    public typealias Handler = @Sendable (Request) async throws -> Response

    struct Route: Sendable {
        let method: HTTPRequest.Method
        let pattern: RoutePattern
        let handler: Handler
    }

    private var routes: [Route] = []

    public init() {}

    public mutating func add(_ method: HTTPRequest.Method, _ pattern: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: RoutePattern(pattern), handler: handler))
    }

    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { add(.get, pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { add(.post, pattern, handler) }
    public mutating func put(_ pattern: String, _ handler: @escaping Handler) { add(.put, pattern, handler) }
    public mutating func delete(_ pattern: String, _ handler: @escaping Handler) { add(.delete, pattern, handler) }

    public func respond(to request: Request) async throws -> Response {
        var allowed: [HTTPRequest.Method] = []
        var headFallback: (Route, [String: String])?
        for route in routes {
            guard let parameters = route.pattern.match(request.pathSegments) else { continue }
            if route.method == request.method {
                return try await route.handler(with(parameters, request))
            }
            // HEAD is GET without the body (RFC 9110 section 9.3.2); the server drops the body.
            if request.method == .head && route.method == .get && headFallback == nil { headFallback = (route, parameters) }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        if let (route, parameters) = headFallback { return try await route.handler(with(parameters, request)) }
        if allowed.isEmpty { throw HTTPError.notFound() }
        throw HTTPError.methodNotAllowed(allowed: allowed)
    }

    private func with(_ parameters: [String: String], _ request: Request) -> Request {
        guard !parameters.isEmpty else { return request }
        var request = request
        request.parameters.merge(parameters) { _, new in new }
        return request
    }
}
