// A route pattern split into segments once, at registration. A request arrives with its path's segments (each
// percent-decoded apart, so `%2F` stays inside one), and matching it is a walk over two segment lists,
// allocating only for parameters.
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

    /// The captured parameters when a path of these segments matches, nil otherwise. Empty segments (`//`, a
    /// trailing `/`) are not segments, so `/health/` matches `/health`.
    func match(_ parts: [String]) -> [String: String]? {
        guard parts.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (part, segment) in zip(parts, segments) {
            switch segment {
            case .literal(let literal): guard part == literal else { return nil }
            case .parameter(let name): parameters[name] = part
            }
        }
        return parameters
    }
}
