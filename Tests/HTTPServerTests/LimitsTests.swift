// Every limit over a real socket, with short timeouts so the suite stays fast. Nothing here measures time:
// each test waits for the server's answer, whatever it takes.
import Glibc
import Testing
import TestSupport
@testable import HTTPServer

@Suite struct LimitsTests {
    @Test func bodyOverTheLimitIs413AndTheResponseSurvivesUnreadBytes() async throws {
        let server = try await LiveServer(responder: ServerTests.router()) { $0.maxBodyBytes = 1024 }
        let (response, closed) = try await offThePool {
            let client = try server.client()
            try client.send("POST /echo HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n" + String(repeating: "x", count: 65536))
            return (try client.readResponse(), client.isClosedByServer())
        }
        #expect(response.status == 413 && response.errorCode == "payload_too_large")
        #expect(response.header("connection") == "close" && closed)
        await server.stop()
    }

    @Test func aPathMayHaveItsOwnBodyLimit() async throws {
        let server = try await LiveServer(responder: ServerTests.router()) {
            $0.maxBodyBytes = 1024
            $0.maxBodyBytesByPath = ["/echo": 4096]
        }
        let body = String(repeating: "x", count: 3000)
        let allowed = try await server.exchange("POST /echo?x=1 HTTP/1.1\r\nContent-Length: 3000\r\n\r\n" + body)
        #expect(allowed.status == 200 && allowed.body.count == 3000)
        let chunked = try await server.exchange(
            "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1388\r\n\(String(repeating: "y", count: 5000))\r\n0\r\n\r\n")
        #expect(chunked.status == 413 && chunked.errorCode == "payload_too_large")
        let elsewhere = try await server.exchange("POST /health HTTP/1.1\r\nContent-Length: 3000\r\n\r\n" + body)
        #expect(elsewhere.status == 413 && elsewhere.errorCode == "payload_too_large")
        await server.stop()
    }

    @Test func headersOverTheLimitAre431() async throws {
        let server = try await LiveServer(responder: ServerTests.router())
        let response = try await server.exchange(
            "GET /health HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 20 * 1024))\r\n\r\n")
        #expect(response.status == 431 && response.errorCode == "header_too_large")
        await server.stop()
    }

    @Test(arguments: [
        "POST /echo HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST /echo HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde",
        "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\n",
        "GET /health HTTP/1.1\r\nX-A: 1\r\n  folded\r\n\r\n",
    ])
    func smugglingShapesAre400AndClose(_ request: String) async throws {
        let server = try await LiveServer(responder: ServerTests.router())
        let (response, closed) = try await offThePool {
            let client = try server.client()
            try client.send(request + "GET /health HTTP/1.1\r\n\r\n")
            return (try client.readResponse(), client.isClosedByServer())
        }
        #expect(response.status == 400 && response.errorCode == "bad_request")
        #expect(closed, "no request after a smuggling shape may be answered")
        await server.stop()
    }

    @Test func slowlorisIsCutOffWhileOthersAreServed() async throws {
        let server = try await LiveServer(responder: ServerTests.router()) { $0.headerReadTimeoutSeconds = 0.3 }
        let slow = try await offThePool { () -> RawHTTPClient in
            let client = try server.client()
            try client.send("GET /health HTTP/1.1\r\nX-Slow: ")
            return client
        }
        let normal = try await server.exchange("GET /health HTTP/1.1\r\n\r\n")
        #expect(normal.status == 200)
        let (response, closed) = try await offThePool {
            // Keep dribbling: a deadline counted from the first byte is not reset by more bytes.
            for byte in "aaaaa".utf8 {
                try? slow.send([byte])
                usleep(100_000)
            }
            return (try slow.readResponse(), slow.isClosedByServer())
        }
        #expect(response.status == 408 && response.errorCode == "request_timeout")
        #expect(closed)
        await server.stop()
    }

    @Test func excessConnectionsAreRefusedWith503() async throws {
        // Three loops: the two held connections sit on different loops, and the limit is the server's.
        let server = try await LiveServer(responder: ServerTests.router()) {
            $0.maxConnections = 2
            $0.eventLoops = 3
        }
        let held = try await offThePool {
            try (0..<2).map { _ in
                let client = try server.client()
                try client.send("GET /health HTTP/1.1\r\n\r\n")
                _ = try client.readResponse()
                return client
            }
        }
        let refused = try await server.exchange("GET /health HTTP/1.1\r\n\r\n")
        #expect(refused.status == 503 && refused.errorCode == "too_many_connections")
        let first = held[0]
        _ = try await offThePool { shutdown(first.fd, Int32(SHUT_RDWR)) }
        try await eventually("a slot frees up after a client leaves") {
            (try? await server.exchange("GET /health HTTP/1.1\r\n\r\n"))?.status == 200
        }
        _ = held
        await server.stop()
    }

    @Test func slowHandlerIsCancelledAndAnswered504() async throws {
        let cancelled = Signal()
        var router = Router()
        router.get("/stuck") { _ in
            do { try await Task.sleep(for: .seconds(600)) } catch { await cancelled.fire() }
            return .text("late")
        }
        let server = try await LiveServer(responder: router) { $0.handlerTimeoutSeconds = 0.2 }
        let response = try await server.exchange("GET /stuck HTTP/1.1\r\n\r\n")
        #expect(response.status == 504 && response.errorCode == "handler_timeout")
        await cancelled.wait()
        await server.stop()
    }

    @Test func idleKeepAliveConnectionsAreClosed() async throws {
        let server = try await LiveServer(responder: ServerTests.router()) { $0.idleTimeoutSeconds = 0.2 }
        let closed = try await offThePool {
            let client = try server.client()
            try client.send("GET /health HTTP/1.1\r\n\r\n")
            _ = try client.readResponse()
            return client.isClosedByServer()
        }
        #expect(closed)
        await server.stop()
    }
}

@Suite struct ErrorRenderingTests {
    @Test func serverRaisedErrorsGoThroughTheRenderer() async throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.maxBodyBytes = 10
        let server = HTTPServer(
            configuration: configuration, responder: ServerTests.router(), logger: .init(label: "t"),
            renderError: { error in (try? Response.json(["error": error.message], status: error.status)) ?? error.response })
        try await server.start()
        let response = try await RawHTTPClient.exchange(
            port: server.port, "POST /echo HTTP/1.1\r\nContent-Length: 100\r\n\r\n")
        #expect(response.status == 413 && response.text == #"{"error":"request body exceeds 10 bytes"}"#)
        await server.shutdown(grace: .seconds(1))
    }
}
