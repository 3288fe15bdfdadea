// A route pattern split into segments once, at registration. The router splits each request's path once too,
// so matching it against every route is a walk over two segment lists, allocating only for parameters.
struct RoutePattern: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]

    init(_ pattern: String) {
        segments = pattern.split(separator: "/").map { part in
            part.hasPrefix(":") ? .parameter(String(part.dropFirst())) : .literal(String(part))
        }
    }

    /// A path's segments as `match` takes them. Empty segments (`//`, a trailing `/`) are dropped, so
    /// `/health/` matches `/health`.
    static func parts(of path: String) -> [Substring] { path.split(separator: "/") }

    /// The captured parameters when the path split into `parts` matches, nil otherwise.
    func match(_ parts: [Substring]) -> [String: String]? {
        guard parts.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (part, segment) in zip(parts, segments) {
            switch segment {
            case .literal(let literal): guard part == literal else { return nil }
            case .parameter(let name): parameters[name] = String(part)
            }
        }
        return parameters
    }
}
