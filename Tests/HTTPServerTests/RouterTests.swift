import Foundation
import HTTPTypes
import Testing
import TestSupport
@testable import HTTPServer

@Suite struct RouterTests {
    var router: Router {
        var router = Router()
        router.get("/health") { _ in .text("ok") }
        router.get("/api/task/:id") { request in .text("task \(request.parameters["id"] ?? "?")") }
        router.delete("/api/task/:id") { _ in Response(status: .noContent) }
        router.post("/api/translate") { request in Response(body: request.body) }
        return router
    }

    func text(_ response: Response) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test func matchesLiteralAndParameterRoutes() async throws {
        #expect(text(try await router.respond(to: Request(method: .get, path: "/health"))) == "ok")
        #expect(text(try await router.respond(to: Request(method: .get, path: "/api/task/42"))) == "task 42")
        #expect(text(try await router.respond(to: Request(method: .get, path: "/api/task/42/"))) == "task 42")
    }

    /// `/api/task/a%2Fb` is one id, "a/b": the server splits the path before it decodes each segment.
    @Test func anEncodedSlashStaysInsideItsSegment() async throws {
        let server = try await LiveServer(responder: router)
        let response = try await server.exchange("GET /api/task/a%2Fb HTTP/1.1\r\n\r\n")
        #expect(response.status == 200 && String(decoding: response.body, as: UTF8.self) == "task a/b")
        let split = try await server.exchange("GET /api/task/a/b HTTP/1.1\r\n\r\n")
        #expect(split.status == 404)
        await server.stop()
    }

    @Test func headFallsBackToGet() async throws {
        #expect(text(try await router.respond(to: Request(method: .head, path: "/health"))) == "ok")
    }

    @Test func unknownPathIs404() async {
        await #expect { try await router.respond(to: Request(method: .get, path: "/nope")) } throws: { error in
            (error as? HTTPError)?.code == "not_found"
        }
        await #expect { try await router.respond(to: Request(method: .get, path: "/api/task/1/more")) } throws: { error in
            (error as? HTTPError)?.status == .notFound
        }
    }

    @Test func wrongMethodIs405WithAllow() async {
        await #expect { try await router.respond(to: Request(method: .put, path: "/api/task/1")) } throws: { error in
            guard let error = error as? HTTPError else { return false }
            return error.status == .methodNotAllowed && error.headers[.allow] == "GET, DELETE"
        }
    }

    @Test func middlewareCanRenderErrorsItsOwnWay() async throws {
        // The shape LibreTranslate clients expect: {"error": "message"}.
        let reshaping = ClosureMiddleware { request, next in
            do { return try await next.respond(to: request) } catch let error as HTTPError {
                return try Response.json(["error": error.message], status: error.status)
            }
        }
        let response = try await router.with(reshaping).respond(to: Request(method: .get, path: "/missing"))
        #expect(response.status == .notFound)
        #expect(text(response) == #"{"error":"no route matches this path"}"#)
    }

    @Test func middlewareRunsOutermostFirst() async throws {
        func tag(_ name: String) -> ClosureMiddleware {
            ClosureMiddleware { request, next in
                var response = try await next.respond(to: request)
                response.body += Array(name.utf8)
                return response
            }
        }
        let response = try await router.with(tag("-outer"), tag("-inner")).respond(to: Request(method: .get, path: "/health"))
        #expect(text(response) == "ok-inner-outer")
    }
}
