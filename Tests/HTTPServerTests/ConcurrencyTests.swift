// Many clients at once, and a slow handler that must not hold up anyone else.
import Glibc
import Testing
import TestSupport
@testable import HTTPServer

@Suite struct ConcurrencyTests {
    @Test func thousandConcurrentKeepAliveConnections() async throws {
        try raiseOpenFileLimit(to: 4096)
        let server = try await LiveServer(responder: ServerTests.router())
        let answered = try await offThePool {
            let clients = try (0..<1000).map { _ in try server.client() }
            var answered = 0
            for _ in 0..<2 {  // two rounds: the second proves every connection stayed alive
                for client in clients { try client.send("GET /health HTTP/1.1\r\nHost: t\r\n\r\n") }
                for client in clients {
                    let response = try client.readResponse()
                    if response.status == 200 && response.header("connection") == "keep-alive" { answered += 1 }
                }
            }
            return answered
        }
        #expect(answered == 2000)
        await server.stop()
    }

    @Test func slowHandlerDoesNotBlockOtherConnections() async throws {
        let release = Signal()
        var router = ServerTests.router()
        router.get("/blocked") { _ in
            await release.wait()
            return .text("released")
        }
        let server = try await LiveServer(responder: router)
        let blocked = Task { try await server.exchange("GET /blocked HTTP/1.1\r\n\r\n") }
        for _ in 0..<10 { #expect(try await server.exchange("GET /health HTTP/1.1\r\n\r\n").status == 200) }
        await release.fire()
        #expect(try await blocked.value.text == "released")
        await server.stop()
    }

    func raiseOpenFileLimit(to wanted: rlim_t) throws {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        guard limit.rlim_cur < wanted else { return }
        limit.rlim_cur = min(wanted, limit.rlim_max)
        guard setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur >= 2100 else {
            throw TestFailure(description: "cannot raise RLIMIT_NOFILE to \(wanted) (hard limit \(limit.rlim_max))")
        }
    }
}
