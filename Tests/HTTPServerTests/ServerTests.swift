// The server end to end over loopback sockets: keep-alive, pipelining order, bodies, 100-continue, gzip, errors.
import Glibc
import HTTPTypes
import Testing
import TestSupport
@testable import HTTPServer

@Suite struct ServerTests {
    static func router(secondDone: Signal = Signal()) -> Router {
        var router = Router()
        router.get("/health") { _ in .json(bytes: Array(#"{"status":"ok"}"#.utf8)) }
        router.post("/echo") { request in Response(body: request.body) }
        router.get("/query") { request in .text("\(request.path)|\(request.query["q"] ?? "")") }
        router.get("/big") { _ in .text(String(repeating: "translation ", count: 500)) }
        // Over 64 KiB: compressed off the event loop.
        router.get("/huge") { _ in .text(String(repeating: "translation ", count: 20_000)) }
        router.get("/first") { _ in
            await secondDone.wait()
            return .text("first")
        }
        router.get("/second") { _ in
            await secondDone.fire()
            return .text("second")
        }
        router.get("/fail") { _ in throw TestFailure(description: "secret database password") }
        return router
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        let server = try await LiveServer(responder: Self.router())
        let statuses = try await offThePool {
            let client = try server.client()
            return try (0..<3).map { _ in
                try client.send("GET /health HTTP/1.1\r\nHost: t\r\n\r\n")
                let response = try client.readResponse()
                return "\(response.status) \(response.header("connection") ?? "") \(response.text)"
            }
        }
        #expect(statuses == Array(repeating: #"200 keep-alive {"status":"ok"}"#, count: 3))
        await server.stop()
    }

    @Test func pipelinedResponsesKeepRequestOrderWhenHandlersFinishOutOfOrder() async throws {
        let server = try await LiveServer(responder: Self.router())
        let bodies = try await offThePool {
            let client = try server.client()
            try client.send("GET /first HTTP/1.1\r\n\r\nGET /second HTTP/1.1\r\n\r\nGET /health HTTP/1.1\r\n\r\n")
            return try (0..<3).map { _ in try client.readResponse().text }
        }
        #expect(bodies == ["first", "second", #"{"status":"ok"}"#])
        await server.stop()
    }

    @Test func bodiesAndDecodedTargets() async throws {
        let server = try await LiveServer(responder: Self.router())
        let chunked = try await server.exchange(
            "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
        #expect(chunked.status == 200 && chunked.text == "abcde")
        let sized = try await server.exchange("POST /echo HTTP/1.1\r\nContent-Length: 4\r\n\r\nwxyz")
        #expect(sized.text == "wxyz")
        let query = try await server.exchange("GET /qu%65ry?q=caf%C3%A9+noir HTTP/1.1\r\n\r\n")
        #expect(query.text == "/query|café noir")
        await server.stop()
    }

    @Test func expectContinueGetsAnInterimResponse() async throws {
        let server = try await LiveServer(responder: Self.router())
        let (interim, final) = try await offThePool {
            let client = try server.client()
            try client.send("POST /echo HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
            let interim = try client.readResponse()
            try client.send("hello")
            return (interim.status, try client.readResponse().text)
        }
        #expect(interim == 100 && final == "hello")
        await server.stop()
    }

    @Test func gzipOnlyWhenAcceptedAndLarge() async throws {
        let server = try await LiveServer(responder: Self.router())
        let zipped = try await server.exchange("GET /big HTTP/1.1\r\nAccept-Encoding: gzip, br\r\n\r\n")
        #expect(zipped.header("content-encoding") == "gzip")
        #expect(try Gzip.decompress(zipped.body) == Array(String(repeating: "translation ", count: 500).utf8))
        let plain = try await server.exchange("GET /big HTTP/1.1\r\n\r\n")
        #expect(plain.header("content-encoding") == nil && plain.body.count == 6000)
        let huge = try await server.exchange("GET /huge HTTP/1.1\r\nAccept-Encoding: gzip\r\n\r\n")
        #expect(huge.header("content-encoding") == "gzip")
        #expect(try Gzip.decompress(huge.body) == Array(String(repeating: "translation ", count: 20_000).utf8))
        let small = try await server.exchange("GET /health HTTP/1.1\r\nAccept-Encoding: gzip\r\n\r\n")
        #expect(small.header("content-encoding") == nil)
        await server.stop()
    }

    @Test func errorsAreJSONWithStableCodes() async throws {
        let server = try await LiveServer(responder: Self.router())
        let missing = try await server.exchange("GET /nope HTTP/1.1\r\n\r\n")
        #expect(missing.status == 404 && missing.errorCode == "not_found")
        #expect(missing.header("content-type") == "application/json")
        let wrongMethod = try await server.exchange("DELETE /health HTTP/1.1\r\n\r\n")
        #expect(wrongMethod.status == 405 && wrongMethod.header("allow") == "GET")
        let thrown = try await server.exchange("GET /fail HTTP/1.1\r\n\r\n")
        #expect(thrown.status == 500 && thrown.errorCode == "internal_error")
        #expect(!thrown.text.contains("secret"))
        let badPath = try await server.exchange("GET /%zz HTTP/1.1\r\n\r\n")
        #expect(badPath.status == 400 && badPath.errorCode == "bad_request")
        let head = try await offThePool {
            let client = try server.client()
            try client.send("HEAD /health HTTP/1.1\r\n\r\n")
            return try client.readResponse(toHead: true)
        }
        #expect(head.status == 200 && head.header("content-length") == "15")
        await server.stop()
    }

    @Test func responsesCarryDateAndLength() async throws {
        let server = try await LiveServer(responder: Self.router())
        let response = try await server.exchange("GET /health HTTP/1.1\r\n\r\n")
        #expect(response.header("date")?.hasSuffix(" GMT") == true)
        #expect(response.header("content-length") == "15")
        await server.stop()
    }
}

@Suite struct ListenerTests {
    @Test func dualStackListenerTakesIPv4Clients() async throws {
        var configuration = ServerConfiguration()
        configuration.host = "::"
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, responder: ServerTests.router(), logger: .init(label: "t"))
        try await server.start()
        let response = try await RawHTTPClient.exchange(port: server.port, "GET /health HTTP/1.1\r\n\r\n")
        #expect(response.status == 200)
        await server.shutdown(grace: .seconds(1))
    }

    @Test func portInUseIsATypedError() async throws {
        let first = try await LiveServer(responder: ServerTests.router())
        var configuration = ServerConfiguration()
        configuration.port = first.port
        let second = HTTPServer(configuration: configuration, responder: ServerTests.router(), logger: .init(label: "t"))
        await #expect { try await second.start() } throws: { error in
            (error as? SocketError)?.errno == EADDRINUSE
        }
        await first.stop()
    }
}
