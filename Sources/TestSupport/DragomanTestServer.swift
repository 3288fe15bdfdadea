// A whole Dragoman application for tests: a temporary data folder, a free loopback port, and the real HTTP
// server in front of the real service, wired as `dragoman serve` wires it. Tests may pass engines (a counting
// wrapper around a real one).
import Dragoman
import Engines
import Foundation
import HTTPServer
import Logging

public final class DragomanTestServer: Sendable {
    public let application: Application
    public let server: HTTPServer
    public let dataDirectory: TemporaryDirectory
    public let port: Int

    /// Starts an application on 127.0.0.1 and a kernel-chosen port. `configure` adjusts the configuration
    /// (small queues, limits) before anything is built.
    public static func start(
        engines: [any TranslationEngine]? = nil, dataDirectory: TemporaryDirectory = TemporaryDirectory("app"),
        configure: (inout Configuration) -> Void = { _ in }
    ) async throws -> DragomanTestServer {
        var configuration = Configuration()
        configuration.server.host = "127.0.0.1"
        configuration.server.port = 0
        configuration.dataDir = dataDirectory.path
        configuration.queue.workers = 2
        configure(&configuration)
        var logger = Logger(label: "dragoman.test")
        logger.logLevel = .warning
        let application = try await Application.make(configuration: configuration, engines: engines, logger: logger)
        try await application.start()
        // The same responder `dragoman serve` answers with, access checks and compatible routes included.
        let server = application.makeServer(responder: try await application.makeServingResponder())
        try await server.start()
        return DragomanTestServer(application: application, server: server, dataDirectory: dataDirectory,
                                  port: server.port)
    }

    init(application: Application, server: HTTPServer, dataDirectory: TemporaryDirectory, port: Int) {
        self.application = application
        self.server = server
        self.dataDirectory = dataDirectory
        self.port = port
    }

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public func stop() async {
        await server.shutdown(grace: .seconds(2))
        await application.shutdown()
    }
}
