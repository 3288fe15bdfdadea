// A real HTTPServer on 127.0.0.1 and a free port, for end-to-end tests of anything that speaks HTTP.
import Foundation
import HTTPServer
import Logging

public final class LiveServer: Sendable {
    public let server: HTTPServer
    public let port: Int

    /// Starts `responder` behind a server on 127.0.0.1:0; `configure` adjusts limits (host and port are fixed).
    public init(
        responder: any Responder, configure: (inout ServerConfiguration) -> Void = { _ in },
        logLevel: Logger.Level = .warning
    ) async throws {
        var configuration = ServerConfiguration()
        configure(&configuration)
        configuration.host = "127.0.0.1"
        configuration.port = 0
        var logger = Logger(label: "dragoman.test.http")
        logger.logLevel = logLevel
        server = HTTPServer(configuration: configuration, responder: responder, logger: logger)
        try await server.start()
        port = server.port
    }

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    public func stop(grace: Duration = .seconds(5)) async {
        await server.shutdown(grace: grace)
    }

    /// A fresh raw connection to this server.
    public func client(timeoutSeconds: Int = 10) throws -> RawHTTPClient {
        try RawHTTPClient(port: port, timeoutSeconds: timeoutSeconds)
    }

    /// One request on a fresh connection, off the cooperative pool.
    public func exchange(_ request: String) async throws -> RawHTTPResponse {
        try await RawHTTPClient.exchange(port: port, request)
    }
}
