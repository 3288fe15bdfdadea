// Graceful shutdown: stop accepting, finish what is in flight, close idle keep-alive connections.
import Testing
import TestSupport
@testable import HTTPServer

@Suite struct ShutdownTests {
    @Test func shutdownFinishesInFlightRequestsAndClosesIdleOnes() async throws {
        let started = Signal()
        let release = Signal()
        var router = ServerTests.router()
        router.get("/work") { _ in
            await started.fire()
            await release.wait()
            return .text("finished")
        }
        let server = try await LiveServer(responder: router)
        let idle = try await offThePool {
            let client = try server.client()
            try client.send("GET /health HTTP/1.1\r\n\r\n")
            _ = try client.readResponse()
            return client
        }
        let busy = Task { try await server.exchange("GET /work HTTP/1.1\r\n\r\n") }
        await started.wait()
        let stopping = Task { await server.stop(grace: .seconds(60)) }
        let port = server.port
        try await eventually("the listener is closed") {
            (try? await offThePool { try RawHTTPClient(port: port) }) == nil
        }
        #expect(try await offThePool { idle.isClosedByServer() })
        await release.fire()
        let response = try await busy.value
        #expect(response.status == 200 && response.text == "finished")
        #expect(response.header("connection") == "close")
        await stopping.value
    }

    @Test func shutdownWithoutTrafficReturns() async throws {
        let server = try await LiveServer(responder: ServerTests.router())
        await server.stop(grace: .seconds(1))
        await server.stop(grace: .seconds(1))
    }
}
