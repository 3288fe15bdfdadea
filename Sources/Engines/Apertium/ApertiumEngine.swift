// Apertium, the rule-based engine that works offline on a fresh machine: directions found in the mode files,
// one pool of persistent pipelines per direct pair, and pivot routes through a third language (en→es→pt).
// Workload: many short texts (sentences) at once from the job queue's workers, and batches of up to thousands.
import Foundation
import Logging

public final class ApertiumEngine: TranslationEngine {
    public let name = "apertium"
    public let configuration: ApertiumConfiguration
    private let routes: PivotRoutes
    private let pools: [LanguagePair: ApertiumPipelinePool]
    func poolForTesting(_ pair: LanguagePair) -> ApertiumPipelinePool? { pools[pair] }
    private let versions: [LanguagePair: String]
    private let logger: Logger

    public init(configuration: ApertiumConfiguration = ApertiumConfiguration(), logger: Logger) throws {
        // A chain that dies while we write must give EPIPE, not kill the server (the default for SIGPIPE).
        signal(SIGPIPE, SIG_IGN)
        let modes = ApertiumMode.discover(in: configuration.modes_dir)
        self.configuration = configuration
        self.logger = logger
        let routes = PivotRoutes(direct: modes.map(\.pair), pivot: configuration.pivot)
        self.routes = routes
        pools = Dictionary(uniqueKeysWithValues: modes.map {
            ($0.pair, ApertiumPipelinePool(mode: $0, configuration: configuration, logger: logger))
        })
        let installed = ApertiumPackageVersions.installed()
        let direct = Dictionary(uniqueKeysWithValues: modes.map {
            ($0.pair, ApertiumPackageVersions.version(of: $0, installed: installed))
        })
        versions = Dictionary(uniqueKeysWithValues: routes.pairs.map { pair in
            (pair, (routes.hops(for: pair) ?? []).compactMap { direct[$0] }.joined(separator: " | "))
        })
        logger.info("apertium pairs found", metadata: ["direct": "\(modes.count)", "all": "\(routes.pairs.count)"])
    }

    public func pairs() async -> [LanguagePair] { routes.pairs }

    /// The languages a text passes through ("en", "es", "pt"); nil when the pair cannot be served.
    public func route(for pair: LanguagePair) async -> [String]? { routes.route(for: pair) }

    public func version(for pair: LanguagePair) async -> String { versions[pair] ?? "" }

    public func translate(_ texts: [String], pair: LanguagePair) async throws(EngineError) -> [String] {
        guard let hops = routes.hops(for: pair) else { throw .unsupportedPair(pair) }
        var current = texts
        for hop in hops {
            guard let pool = pools[hop] else { throw .unsupportedPair(pair) }
            current = try await Self.translate(current, with: pool)
        }
        return current
    }

    public func health() async -> EngineHealth {
        if pools.isEmpty { return EngineHealth(healthy: false, detail: "no Apertium modes in \(configuration.modes_dir)") }
        return EngineHealth(
            healthy: true, detail: "\(pools.count) direct pairs, \(routes.pairs.count) with pivots",
            restarts: restarts())
    }

    /// Pipelines restarted after dying or hanging, over the engine's life.
    public func restarts() -> Int { pools.values.reduce(0) { $0 + $1.restarts } }

    /// Kills every running pipeline; texts still waiting fail.
    public func shutdown() async {
        for pool in pools.values { await pool.shutdown() }
    }

    /// Sends every text at once, so one pipeline works through them back to back; answers come back in order.
    private static func translate(_ texts: [String], with pool: ApertiumPipelinePool) async throws(EngineError) -> [String] {
        if texts.count == 1 { return [try await pool.translate(texts[0]).get()] }
        let answers = await withTaskGroup(of: (Int, Result<String, EngineError>).self) { group in
            for (index, text) in texts.enumerated() { group.addTask { (index, await pool.translate(text)) } }
            var answers = [Result<String, EngineError>?](repeating: nil, count: texts.count)
            for await (index, answer) in group { answers[index] = answer }
            return answers
        }
        return try answers.map { answer throws(EngineError) in try answer!.get() }
    }
}
