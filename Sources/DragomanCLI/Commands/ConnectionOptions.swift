// Where a command sends its requests: `--server URL` for a running Dragoman, otherwise an in-process service
// built from the engine options. `withAPI` starts and stops the in-process service around the work.
import ArgumentParser
import HTTPClient

struct ConnectionOptions: ParsableArguments, Sendable {
    @Option(help: "URL of a running Dragoman server, e.g. http://127.0.0.1:8080. Without it the work runs in-process.")
    var server: String?
    @OptionGroup var engine: EngineOptions

    func withAPI<T: Sendable>(_ body: (DragomanAPI) async throws(CLIFailure) -> T) async throws(CLIFailure) -> T {
        if let server {
            guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
                throw .usage("--server takes an http:// or https:// URL, got \(server)")
            }
            return try await body(DragomanAPI(transport: RemoteTransport(baseURL: server)))
        }
        let service: InProcessService
        do { service = try await InProcessService.factory(engine) } catch {
            throw error as? CLIFailure ?? .local("cannot start the in-process service: \(error)")
        }
        do {
            let result = try await body(DragomanAPI(transport: LocalTransport(responder: service.responder)))
            await service.shutdown()
            return result
        } catch {
            await service.shutdown()
            throw error
        }
    }
}
