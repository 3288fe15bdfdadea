// Maps a request path to the documented route pattern it matches (`/api/task/abc` → `/api/task/{id}`), so
// metrics are labelled by a bounded set of routes; anything undocumented is "other", never the raw path.

public struct RoutePatterns: Sendable {
    /// Templates with parameters, split at "/".
    private let patterns: [[Substring]]
    /// Templates without parameters: most requests (/api/translate, /health) are found here with one lookup.
    private let literals: Set<String>

    public init(_ templates: [String] = OpenAPIDocument.operations.map(\.path)) {
        let unique = Set(templates)
        literals = unique.filter { !$0.contains("{") }
        patterns = unique.subtracting(literals).sorted().map { $0.split(separator: "/", omittingEmptySubsequences: false) }
    }

    public func pattern(for path: String) -> String {
        if literals.contains(path) { return path }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        // Literal templates won above; among the rest, the one with the fewest parameters wins.
        let matches = patterns.filter { template in
            template.count == parts.count
                && zip(template, parts).allSatisfy { $0 == $1 || ($0.hasPrefix("{") && !$1.isEmpty) }
        }
        let best = matches.min { $0.filter { $0.hasPrefix("{") }.count < $1.filter { $0.hasPrefix("{") }.count }
        return best.map { $0.joined(separator: "/") } ?? "other"
    }
}
