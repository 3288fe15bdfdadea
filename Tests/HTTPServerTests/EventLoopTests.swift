// The server's event loops: connections dealt to every loop in turn, handlers run on their connection's loop
// unless the body is large, and a handler that outlives its loop still finishes.
import CSystemLinux
import Foundation
import HTTPServer
import Synchronization
import Testing
import TestSupport

@Suite struct EventLoopTests {
    /// The kernel's name for the thread running the caller.
    static func threadName() -> String {
        var name = [CChar](repeating: 0, count: 64)
        pthread_getname_np(pthread_self(), &name, name.count)
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func threadRouter() -> Router {
        var router = Router()
        router.get("/thread") { _ in .text(EventLoopTests.threadName()) }
        router.post("/thread") { _ in .text(EventLoopTests.threadName()) }
        return router
    }

    @Test func connectionsAreDealtToEveryLoopInTurnAndServedOnIt() async throws {
        let server = try await LiveServer(responder: Self.threadRouter()) { $0.eventLoops = 3 }
        let clients = try await offThePool { try (0..<6).map { _ in try server.client() } }
        var names: [String] = []
        for client in clients + clients {
            names.append(try await offThePool {
                try client.send("GET /thread HTTP/1.1\r\n\r\n")
                return String(decoding: try client.readResponse().body, as: UTF8.self)
            })
        }
        #expect(names.prefix(6) == ["http-loop-0", "http-loop-1", "http-loop-2", "http-loop-0", "http-loop-1", "http-loop-2"])
        // A keep-alive connection stays on its loop.
        #expect(Array(names.suffix(6)) == Array(names.prefix(6)))
        await server.stop()
    }

    @Test func largeBodiesAreHandledOffTheLoop() async throws {
        let server = try await LiveServer(responder: Self.threadRouter()) {
            $0.eventLoops = 1
            $0.loopHandlerMaxBodyBytes = 16
        }
        func post(_ body: String) async throws -> String {
            let response = try await server.exchange(
                "POST /thread HTTP/1.1\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            return String(decoding: response.body, as: UTF8.self)
        }
        #expect(try await post("small") == "http-loop-0")
        let large = try await post(String(repeating: "x", count: 17))
        #expect(!large.hasPrefix("http-loop"), "ran on \(large)")
        await server.stop()
    }

    @Test func heavyWorkMovesOffTheLoopAndTheHandlerComesBack() async throws {
        var router = Router()
        router.get("/heavy") { _ in
            let during = await offTheLoop { EventLoopTests.threadName() }
            return .text("\(during) \(EventLoopTests.threadName())")
        }
        let server = try await LiveServer(responder: router) { $0.eventLoops = 1 }
        let names = String(decoding: try await server.exchange("GET /heavy HTTP/1.1\r\n\r\n").body, as: UTF8.self)
            .split(separator: " ").map(String.init)
        #expect(names.count == 2 && !names[0].hasPrefix("http-loop") && names[1] == "http-loop-0", "\(names)")
        await server.stop()
    }

    @Test func aHandlerThatOutlivesItsLoopStillFinishes() async throws {
        let started = Signal()
        let release = Gate()
        let finished = Mutex(false)
        var router = Router()
        router.get("/outlive") { _ in
            await started.fire()
            await release.wait()  // deaf to cancellation: the task keeps running after its loop has stopped
            finished.withLock { $0 = true }
            return .text("done")
        }
        let server = try await LiveServer(responder: router) { $0.eventLoops = 2 }
        let client = try await offThePool { try server.client() }
        try await offThePool { try client.send("GET /outlive HTTP/1.1\r\n\r\n") }
        await started.wait()
        await server.stop(grace: .milliseconds(50))
        release.open()
        try await eventually("the handler resumed after its loop stopped finishes") { finished.withLock { $0 } }
        _ = client
    }
}
