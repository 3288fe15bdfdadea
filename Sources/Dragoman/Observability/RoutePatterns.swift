// Maps a request path to the documented route pattern it matches (`/api/task/abc` → `/api/task/{id}`), so
// metrics are labelled by a bounded set of routes; anything undocumented is "other", never the raw path.

public struct RoutePatterns: Sendable {
    private let patterns: [[Substring]]

    public init(_ templates: [String] = OpenAPIDocument.operations.map(\.path)) {
        patterns = Array(Set(templates)).sorted().map { $0.split(separator: "/", omittingEmptySubsequences: false) }
    }

    public func pattern(for path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        // Literal templates win over templates with parameters.
        let matches = patterns.filter { template in
            template.count == parts.count
                && zip(template, parts).allSatisfy { $0 == $1 || ($0.hasPrefix("{") && !$1.isEmpty) }
        }
        let best = matches.min { $0.filter { $0.hasPrefix("{") }.count < $1.filter { $0.hasPrefix("{") }.count }
        return best.map { $0.joined(separator: "/") } ?? "other"
    }
}
