// The `marian` TranslationEngine: serves every Marian GGUF model in `models_dir`, each under the language pair in
// its metadata. A model is mapped once (at start-up with `preload`, else on first use) and shared by its
// workers; concurrent requests for a pair are batched by that pair's scheduler.
import Executors
import Foundation
import Inference
import Logging

public actor MarianEngine: TranslationEngine {
    /// Builds a model's tokenizer from its GGUF metadata.
    public typealias CodecFactory = @Sendable (MarianModel) throws -> any TextCodec

    public nonisolated let name = "marian"
    private let configuration: MarianConfiguration
    private let makeCodec: CodecFactory
    private let logger: Logger
    /// Model loading maps files and reads headers: blocking work, kept off the cooperative pool.
    private let executor = DispatchQueueExecutor(label: "marian.engine")
    private let headers: [LanguagePair: MarianModelHeader]
    private var services: [LanguagePair: MarianPairService] = [:]
    private var failures: [LanguagePair: String] = [:]

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// `makeCodec` defaults to the tokenizer stored in the model file.
    public init(configuration: MarianConfiguration, makeCodec: @escaping CodecFactory = { try $0.makeTokenizer() },
                logger: Logger = Logger(label: "dragoman.marian")) {
        self.configuration = configuration
        self.makeCodec = makeCodec
        self.logger = logger
        GGMLLog.route(to: logger)
        headers = MarianModelDirectory.scan(configuration.modelsDir, logger: logger)
    }

    /// Creates the engine and, when the configuration says `preload`, maps every model before returning.
    public static func start(
        configuration: MarianConfiguration, makeCodec: @escaping CodecFactory = { try $0.makeTokenizer() },
        logger: Logger = Logger(label: "dragoman.marian")
    ) async -> MarianEngine {
        let engine = MarianEngine(configuration: configuration, makeCodec: makeCodec, logger: logger)
        if configuration.preload { await engine.preload() }
        return engine
    }

    /// Loads every model now (the `preload` option); failures are reported by `health()`.
    public func preload() {
        for pair in headers.keys.sorted(by: { $0.description < $1.description }) { _ = try? service(for: pair) }
    }

    public func pairs() -> [LanguagePair] { headers.keys.sorted { $0.description < $1.description } }

    public func version(for pair: LanguagePair) -> String { headers[pair]?.version ?? "none" }

    public func translate(_ texts: [String], pair: LanguagePair) async throws(EngineError) -> [String] {
        let service = try service(for: pair)
        do {
            return try await service.translate(texts)
        } catch {
            throw .failed(engine: name, reason: error.description)
        }
    }

    public func health() -> EngineHealth {
        if headers.isEmpty { return EngineHealth(healthy: false, detail: "no Marian models in \(configuration.modelsDir)") }
        if let (pair, reason) = failures.first { return EngineHealth(healthy: false, detail: "\(pair): \(reason)") }
        return EngineHealth(healthy: true, detail: "\(headers.count) models, \(services.count) loaded")
    }

    private func service(for pair: LanguagePair) throws(EngineError) -> MarianPairService {
        if let service = services[pair] { return service }
        guard let header = headers[pair] else { throw .unsupportedPair(pair) }
        do {
            let model = try MarianModel(path: header.path)
            let service = try MarianPairService(header: header, model: model, codec: makeCodec(model), configuration: configuration)
            services[pair] = service
            failures[pair] = nil
            logger.info("loaded Marian model", metadata: ["pair": "\(pair)", "version": "\(header.version)"])
            return service
        } catch {
            failures[pair] = "\(error)"
            throw .failed(engine: name, reason: "loading \(header.path): \(error)")
        }
    }
}
