// The job queue specialised for translation: work is grouped by (engine, engine version, pair), so single
// flight keys on (engine, version, pair, text) and a worker hands one engine one pair's texts at once.
import Engines
import Jobs
import Logging

public struct WorkGroup: Hashable, Sendable {
    public var engine: String
    public var version: String
    public var pair: LanguagePair
}

public typealias TranslationQueue = JobQueue<WorkGroup, String, String>

extension JobQueue where Group == WorkGroup, Input == String, Output == String {
    /// A queue whose workers call the named engine's `translate` with each batch.
    public static func translation(
        engines: [String: any TranslationEngine], configuration: Configuration, logger: Logger
    ) -> TranslationQueue {
        TranslationQueue(
            configuration: configuration, logger: logger,
            isRetryable: { ($0 as? EngineError)?.isRetryable ?? false }
        ) { group, texts in
            guard let engine = engines[group.engine] else {
                throw EngineError.failed(engine: group.engine, reason: "engine not loaded")
            }
            return try await engine.translate(texts, pair: group.pair)
        }
    }
}

extension JobFailure {
    /// The stable code and message a failed item reports in a task's `errors`.
    var itemFailure: ItemFailure {
        switch error as? EngineError {
        case .unsupportedPair(let pair)?:
            ItemFailure(code: "unsupported_language_pair", message: "no translation route for \(pair)")
        case .timedOut?: ItemFailure(code: "engine_timeout", message: description)
        default: ItemFailure(code: "engine_failed", message: description)
        }
    }
}
