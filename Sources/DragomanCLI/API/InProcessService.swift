// The service started inside the CLI process for commands run without `--server`: the same engines, cache, queue
// and task store a server would use, shaped by the same options (`--config`, `--models-dir`, `--data-dir`, …).
// Tests bind `factory` to a service of their own; otherwise the Dragoman application is started.
import HTTPServer

struct InProcessService: Sendable {
    var responder: any Responder
    var shutdown: @Sendable () async -> Void

    /// Untyped `throws`: a @TaskLocal closure with typed throws crashes Swift 6.3.1's SILGen (measured).
    typealias Factory = @Sendable (EngineOptions) async throws -> InProcessService

    @TaskLocal static var factory: Factory = { options in try await startApplication(options) }

    static func startApplication(_ options: EngineOptions) async throws(CLIFailure) -> InProcessService {
        throw .usage("this build has no in-process service yet; pass --server URL")
    }
}
