// The translation use case shared by the HTTP routes, the batch runner and the CLI: validate, resolve the engine
// and (for "auto") each item's source language, answer from the cache, queue the misses, cache the results.
import Cache
import Engines
import Jobs
import Logging

public final class TranslationService: Sendable {
    public let engines: [String: any TranslationEngine]
    public let defaultEngine: String
    public let cache: TieredCache?
    public let queue: TranslationQueue
    public let detector: (any LanguageDetecting)?
    public let limits: ServiceLimits
    /// What the engines translated, for /metrics.
    public let tally = TranslationTally()
    let logger: Logger

    public init(
        engines: [any TranslationEngine], defaultEngine: String, cache: TieredCache?, queue: TranslationQueue,
        detector: (any LanguageDetecting)?, limits: ServiceLimits, logger: Logger
    ) {
        self.engines = Dictionary(engines.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.defaultEngine = defaultEngine
        self.cache = cache
        self.queue = queue
        self.detector = detector
        self.limits = limits
        self.logger = logger
    }

    /// Translates `texts` in order: the interactive path. Any item that fails fails the request.
    public func translate(
        _ texts: [String], source: String, target: String, engine name: String? = nil,
        priority: JobPriority = .interactive
    ) async throws(ServiceError) -> TranslationOutput {
        try validate(texts, limit: limits.maxTextsPerRequest)
        let engine = try engine(named: name)
        let plan = try await plan(texts, source: source, target: target, engine: engine)
        let results = try await run(plan, engine: engine, priority: priority)
        var output = TranslationOutput(engine: engine.name, target: target)
        for (item, result) in zip(plan, results) {
            guard case .success(let translated) = result else {
                if case .failure(let failure) = result { throw .translationFailed(failure.error.message) }
                continue
            }
            output.append(item, translated)
        }
        return output
    }

    /// Translates items of a stored task: per-item outcomes, never a failure of the whole call except when the
    /// queue refuses (full or closing), which the batch runner waits out.
    public func translateItems(
        _ texts: [String], source: String, target: String, engine name: String
    ) async throws(ServiceError) -> [Result<String, ItemFailure>] {
        let engine = try engine(named: name)
        var plan: [PlannedItem] = []
        var outcomes = [Result<String, ItemFailure>?](repeating: nil, count: texts.count)
        for (index, text) in texts.enumerated() {
            do throws(ServiceError) {
                plan += try await self.plan([text], source: source, target: target, engine: engine)
            } catch {
                outcomes[index] = .failure(ItemFailure(code: error.code, message: error.message))
            }
        }
        var results = try await run(plan, engine: engine, priority: .batch).makeIterator()
        return outcomes.map { $0 ?? results.next()!.map(\.translation) }
    }

    public func engine(named name: String?) throws(ServiceError) -> any TranslationEngine {
        let name = name ?? defaultEngine
        guard let engine = engines[name] else { throw .unknownEngine(name, known: Array(engines.keys)) }
        return engine
    }

    /// Every pair per engine, for /api/languages.
    public func languages() async -> [String: [LanguagePair]] {
        var result: [String: [LanguagePair]] = [:]
        for (name, engine) in engines {
            result[name] = await engine.pairs().sorted { ($0.source, $0.target) < ($1.source, $1.target) }
        }
        return result
    }

    public func detect(_ text: String, limit: Int = 5) async -> [Detection] {
        await detector?.detect(text, limit: limit) ?? []
    }
}
