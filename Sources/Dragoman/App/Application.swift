// The wiring: engines, cache, queue, task store, service, routes (and the HTTP server when serving) built from one
// Configuration. The CLI uses the same Application in-process, without HTTP, through `service`, `api` and
// `responder`. Shutdown is graceful: stop accepting, finish in-flight work, flush tasks, stop engines.
import Cache
import Engines
import Foundation
import HTTPServer
import Jobs
import Logging

public final class Application: Sendable {
    public let configuration: Configuration
    public let service: TranslationService
    public let api: DragomanAPI
    public let tasks: TaskRunner
    /// The route table as a Responder: in-process requests, and what the HTTP server serves.
    public let responder: any Responder
    let logger: Logger

    /// Builds everything from `configuration`. `engines` replaces the configured engines (tests wrap a real
    /// engine to count calls); `detector` likewise.
    public static func make(
        configuration: Configuration, engines: [any TranslationEngine]? = nil,
        detector: (any LanguageDetecting)? = nil, logger: Logger = Logger(label: "dragoman")
    ) async throws -> Application {
        try FileManager.default.createDirectory(atPath: configuration.dataDir, withIntermediateDirectories: true)
        let engines: [any TranslationEngine] = try await {
            if let engines { return engines }
            return try await EngineCatalog.makeEngines(configuration, logger: logger)
        }()
        let cache = try await TieredCache.make(
            configuration: configuration.cache, dataDirectory: configuration.dataDir, logger: logger)
        let queue = TranslationQueue.translation(
            engines: Dictionary(engines.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
            configuration: configuration.queue.queueConfiguration, logger: logger)
        var resolvedDetector = detector
        if resolvedDetector == nil { resolvedDetector = await EngineCatalog.makeDetector(engines: engines, logger: logger) }
        let service = TranslationService(
            engines: engines, defaultEngine: configuration.defaultEngine, cache: cache, queue: queue,
            detector: resolvedDetector,
            limits: configuration.limits, logger: logger)
        let store = try await TaskStore(path: configuration.taskStorePath)
        let settings = TaskRunner.Settings(
            chunkSize: configuration.tasks.chunkSize, chunksInFlight: configuration.tasks.chunksInFlight)
        let runner = TaskRunner(store: store, service: service, settings: settings, logger: logger)
        return Application(configuration: configuration, service: service, tasks: runner, logger: logger)
    }

    init(configuration: Configuration, service: TranslationService, tasks: TaskRunner, logger: Logger) {
        self.configuration = configuration
        self.service = service
        self.tasks = tasks
        self.api = DragomanAPI(service: service, tasks: tasks)
        self.responder = Self.makeResponder(api)
        self.logger = logger
    }

    /// Starts the workers, resumes unfinished tasks and the retention sweep. Serving HTTP is `serve()`.
    public func start() async throws {
        await service.queue.start()
        try await tasks.resumeUnfinished()
        let days = max(0, configuration.tasks.retentionDays)
        await tasks.startPurging(retention: .seconds(days * 86_400))
    }

    /// Stops taking batch chunks, lets the queue finish what it accepted, stops the engines and writes what the
    /// cache still holds in memory only.
    public func shutdown() async {
        await tasks.shutdown()
        await service.queue.shutdown()
        await EngineCatalog.shutdown(Array(service.engines.values))
        await service.cache?.flush()
        logger.info("dragoman stopped")
    }
}
