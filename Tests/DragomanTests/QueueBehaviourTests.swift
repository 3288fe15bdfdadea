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
        let engine = CountingEngine(inner: try ApertiumEngine(logger: Logger(label: "test")))
        let app = try await DragomanTestServer.start(engines: [engine])
        let client = HTTPTestClient(baseURL: app.baseURL)
        let replies = try await withThrowingTaskGroup(of: HTTPReply.self) { group in
            for _ in 0..<20 {
                group.addTask { try await client.post("/api/translate", ["text": "The blue car.", "source": "en", "target": "es"]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(replies.allSatisfy { $0.status == 200 && $0.object["translation"] as? String == "El coche azul." })
        #expect(await engine.counter.texts.filter { $0 == "The blue car." }.count == 1)
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
