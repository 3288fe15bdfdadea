// The service started inside the CLI process for commands run without `--server`: the same Application (engines,
// cache, queue, durable task store) a server would run, shaped by the same layered configuration (file ←
// environment ← flags). Tests bind `factory` to an application of their own making.
import Dragoman
import Foundation
import HTTPServer
import Logging

struct InProcessService: Sendable {
    var responder: any Responder
    var shutdown: @Sendable () async -> Void

    /// Untyped `throws`: a @TaskLocal closure with typed throws crashes Swift 6.3.1's SILGen (measured).
    typealias Factory = @Sendable (EngineOptions) async throws -> InProcessService

    @TaskLocal static var factory: Factory = { options in try await startApplication(options) }

    static func startApplication(_ options: EngineOptions) async throws(CLIFailure) -> InProcessService {
        let configuration = try options.configuration(environment: ProcessInfo.processInfo.environment)
        let application: Application
        do {
            application = try await Application.make(configuration: configuration, logger: logger(configuration))
            try await application.start()
        } catch {
            throw .local("cannot start the in-process service: \(error)")
        }
        return InProcessService(responder: application.responder, shutdown: { await application.shutdown() })
    }

    /// Logs go to standard error, warnings and worse unless the configuration asks for less: standard output
    /// carries the command's answer (translations) and must stay clean.
    private static func logger(_ configuration: Configuration) -> Logger {
        var logger = Logger(label: "dragoman") { StreamLogHandler.standardError(label: $0) }
        let configured = Logger.Level(rawValue: configuration.logLevel.lowercased()) ?? .warning
        logger.logLevel = max(configured, .warning)
        return logger
    }
}
