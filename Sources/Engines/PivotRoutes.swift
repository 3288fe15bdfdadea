// Which directions an engine can serve and how: directly ("en"→"es") or through one third language when two
// direct pairs connect ("en"→"es"→"pt"). Computed once from the direct pairs; among several bridges the
// alphabetically first wins, so a route never changes between runs.

public struct PivotRoutes: Sendable, Equatable {
    private let routes: [LanguagePair: [String]]

    public init(direct: [LanguagePair], pivot: Bool) {
        var routes: [LanguagePair: [String]] = [:]
        for pair in direct { routes[pair] = [pair.source, pair.target] }
        if pivot {
            let targets = Dictionary(grouping: direct, by: \.source).mapValues { Set($0.map(\.target)) }
            for (source, middles) in targets {
                for middle in middles.sorted() {
                    for target in (targets[middle] ?? []).sorted() where target != source {
                        let pair = LanguagePair(source: source, target: target)
                        if routes[pair] == nil { routes[pair] = [source, middle, target] }
                    }
                }
            }
        }
        self.routes = routes
        self.pairs = routes.keys.sorted { $0.description < $1.description }
    }

    /// The languages a text passes through, source first; nil when no route exists.
    public func route(for pair: LanguagePair) -> [String]? { routes[pair] }

    /// Every servable pair, direct or pivoted, in a stable order (sorted once: /health and /api/languages ask often).
    public let pairs: [LanguagePair]

    /// The direct pairs a route is made of, in order.
    public func hops(for pair: LanguagePair) -> [LanguagePair]? {
        guard let route = routes[pair] else { return nil }
        return zip(route, route.dropFirst()).map { LanguagePair(source: $0, target: $1) }
    }
}
