// The queue as clients see it: identical concurrent requests translated once, and a full queue answered 429
// with Retry-After rather than growing.
import Engines
import Foundation
import Logging
import Testing
import TestSupport
@testable import Dragoman

@Suite(.serialized) struct QueueBehaviourTests {
    @Test func concurrentIdenticalRequestsAreTranslatedOnce() async throws {
        // No cache tiers, so only single flight can make twenty requests one translation; the gate holds the
        // engine until all twenty are in the queue, so they really are in flight at the same time.
        let gate = Gate()
        let counter = CallCounter()
        let gated = InterceptingEngine.gated(try ApertiumEngine(logger: Logger(label: "test")), by: gate)
        let engine = InterceptingEngine(inner: gated) { texts, _ in await counter.record(texts) }
        let app = try await DragomanTestServer.start(engines: [engine]) {
            $0.cache.memory.enabled = false
            $0.cache.sqlite.enabled = false
        }
        // Twenty raw connections: URLSession would hold most requests back behind its per-host connection limit.
        let body = #"{"text": "The blue car.", "source": "en", "target": "es"}"#
        let request = "POST /api/translate HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        let clients = try (0..<20).map { _ in try RawHTTPClient(port: app.port) }
        for client in clients { try client.send(request) }
        while await app.application.service.queue.stats().shared < 19 { try await Task.sleep(for: .milliseconds(10)) }
        gate.open()
        let replies = try await offThePool { try clients.map { try $0.readResponse() } }
        #expect(replies.allSatisfy { $0.status == 200 && $0.text.contains(#""translation":"El coche azul.""#) })
        #expect(await counter.texts.filter { $0 == "The blue car." }.count == 1)
        await app.stop()
    }

    @Test func aFullQueueAnswers429WithRetryAfter() async throws {
        let app = try await DragomanTestServer.start() {
            $0.queue.capacity = 2
            $0.queue.retryAfterSeconds = 3
        }
        let reply = try await HTTPTestClient(baseURL: app.baseURL).post(
            "/api/translate", ["text": ["One.", "Two.", "Three."], "source": "en", "target": "es"])
        #expect((reply.status, reply.errorCode) == (429, "queue_full"))
        #expect(reply.headers["retry-after"] == "3")
        await app.stop()
    }
}
