// Every way Dragoman can translate (Apertium pipelines, Marian models on ggml, a remote server) sits behind
// this one protocol, so the service, the queue and the cache never know which engine did the work.

/// A translation direction in ISO 639-1 codes ("en" → "es").
public struct LanguagePair: Hashable, Sendable, Codable, CustomStringConvertible {
    public var source: String
    public var target: String

    public init(source: String, target: String) {
        self.source = source
        self.target = target
    }

    public var description: String { "\(source)-\(target)" }
}

public protocol TranslationEngine: Sendable {
    /// The name clients select the engine by ("apertium", "marian").
    var name: String { get }

    /// The pairs this engine can translate now.
    func pairs() async -> [LanguagePair]

    /// Identifies what produced a translation (package or model version), so the cache keys on it:
    /// a new model version never serves an old model's cached output.
    func version(for pair: LanguagePair) async -> String

    /// Translates `texts` in order. Engines that batch (Marian) translate them together;
    /// the result has exactly one entry per input.
    func translate(_ texts: [String], pair: LanguagePair) async throws(EngineError) -> [String]

    /// Whether the engine can serve, with a reason when it cannot.
    func health() async -> EngineHealth
}

public struct EngineHealth: Sendable, Codable, Equatable {
    public var healthy: Bool
    public var detail: String?
    /// Processes or models restarted after dying or hanging, over the engine's life (`/metrics` exports it).
    public var restarts: Int

    public init(healthy: Bool, detail: String? = nil, restarts: Int = 0) {
        self.healthy = healthy
        self.detail = detail
        self.restarts = restarts
    }
}

public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The engine has no route for this pair.
    case unsupportedPair(LanguagePair)
    /// The engine's process or model failed; retrying may succeed.
    case failed(engine: String, reason: String)
    /// No answer within the engine's deadline; retrying may succeed.
    case timedOut(engine: String, seconds: Double)

    public var isRetryable: Bool {
        switch self {
        case .unsupportedPair: false
        case .failed, .timedOut: true
        }
    }

    public var description: String {
        switch self {
        case .unsupportedPair(let pair): "no translation route for \(pair)"
        case .failed(let engine, let reason): "\(engine) failed: \(reason)"
        case .timedOut(let engine, let seconds): "\(engine) gave no answer within \(seconds) s"
        }
    }
}
