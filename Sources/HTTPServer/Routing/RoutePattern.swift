// A route pattern split into segments once, at registration; matching a path is a walk over both segment lists
// with no allocation unless the pattern has parameters.
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

    /// The captured parameters when `path` matches, nil otherwise. Empty segments (`//`, a trailing `/`) are
    /// ignored, so `/health/` matches `/health`.
    func match(_ path: String) -> [String: String]? {
        var parameters: [String: String] = [:]
        var index = 0
        for part in path.split(separator: "/") {
            guard index < segments.count else { return nil }
            switch segments[index] {
            case .literal(let literal): guard part == literal else { return nil }
            case .parameter(let name): parameters[name] = String(part)
            }
            index += 1
        }
        return index == segments.count ? parameters : nil
    }
}
