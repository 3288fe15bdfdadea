// Answers requests from DragomanAPI's route table in-process, without a socket: what the CLI's in-process
// mode and the service tests call. 404 and 405 (with Allow) are JSON like every other error.
import HTTPServer
import HTTPTypes

public struct RouteTable: Responder {
    let routes: [(method: HTTPRequest.Method, pattern: [Substring], handler: DragomanAPI.Handler)]

    public init(_ api: DragomanAPI) {
        routes = api.routes.map { ($0.method, $0.pattern.split(separator: "/"), $0.handler) }
    }

    public func respond(to request: Request) async throws -> Response {
        let segments = request.path.split(separator: "/")
        var allowed: [HTTPRequest.Method] = []
        for route in routes {
            guard let parameters = Self.match(route.pattern, segments) else { continue }
            guard route.method == request.method else {
                allowed.append(route.method)
                continue
            }
            var request = request
            request.parameters.merge(parameters) { _, new in new }
            do { return try await route.handler(request) } catch let error as HTTPError { return error.response }
        }
        if !allowed.isEmpty {
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            return HTTPError(.methodNotAllowed, code: "method_not_allowed", message: "allowed methods: \(allow)",
                             headers: [.allow: allow]).response
        }
        return HTTPError(.notFound, code: "not_found", message: "no route matches \(request.path)").response
    }

    static func match(_ pattern: [Substring], _ segments: [Substring]) -> [String: String]? {
        guard pattern.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, actual) in zip(pattern, segments) {
            if expected.hasPrefix(":") {
                parameters[String(expected.dropFirst())] = String(actual)
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}
