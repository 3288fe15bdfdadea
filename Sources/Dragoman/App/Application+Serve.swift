// Serving over HTTP: the route table behind Dragoman's own HTTP server, until SIGTERM or SIGINT.
import HTTPServer

extension Application {
    /// Builds the router from the API's route table. Errors a handler throws as HTTPError (404, 405 included)
    /// become responses here, so in-process callers always get a Response, as they would over HTTP.
    static func makeResponder(_ api: DragomanAPI) -> any Responder {
        var router = Router()
        for route in api.routes { router.add(route.method, route.pattern, route.handler) }
        return ClosureResponder { [router] request in
            do { return try await router.respond(to: request) } catch let error as HTTPError { return error.response }
        }
    }

    /// A server for this application, not yet started (port 0 in the configuration picks a free port).
    public func makeServer(responder: (any Responder)? = nil) -> HTTPServer {
        var server = configuration.server
        server.maxBodyBytesByPath["/api/batch"] = server.maxBodyBytesByPath["/api/batch"] ?? configuration.limits.maxBatchBodyBytes
        return HTTPServer(configuration: server, responder: responder ?? self.responder, logger: logger)
    }

    /// What a served Dragoman answers with: the service's routes behind the ecosystem layer (compatible APIs,
    /// /metrics, /openapi.json, /ready, keys, admin checks and rate limits).
    public func makeServingResponder() async throws -> any Responder {
        let ecosystem = try await EcosystemLayer.make(application: self, access: configuration.access)
        return ecosystem.responder(wrapping: responder)
    }

    /// Serves until SIGTERM or SIGINT, then stops accepting and lets in-flight requests finish.
    public func serveUntilSignalled(grace: Duration = .seconds(10)) async throws {
        let server = makeServer(responder: try await makeServingResponder())
        try await server.start()
        try await server.runUntilSignalled(grace: grace)
    }
}
