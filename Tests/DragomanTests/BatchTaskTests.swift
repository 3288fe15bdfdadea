// Batch tasks end to end: 202 with Location, a 1,000-text task completing with results aligned to its input,
// partial results, a failed item listed while the task runs and after, and cancellation.
import Engines
import Foundation
import Logging
import Testing
import TestSupport
@testable import Dragoman

@Suite(.serialized) struct BatchTaskTests {
    @Test func aThousandTextBatchCompletesAligned() async throws {
        let app = try await DragomanTestServer.start()
        let client = HTTPTestClient(baseURL: app.baseURL)
        let texts = (0..<1_000).map { "The house number \($0) is red." }
        let accepted = try await client.post("/api/batch", ["texts": texts, "source": "en", "target": "es"])
        #expect(accepted.status == 202)
        #expect(accepted.object["status"] as? String == "queued")
        #expect(accepted.object["total"] as? Int == 1_000)
        let id = try #require(accepted.object["task_id"] as? String)
        #expect(accepted.headers["location"] == "/api/task/\(id)")
        let partial = try await client.get("/api/task/\(id)?partial=1")
        #expect((partial.object["results"] as? [Any])?.count == 1_000)
        let task = try await client.waitForTask(id)
        #expect(task["status"] as? String == "completed")
        let results = task["results"] as? [String] ?? []
        #expect(results.count == 1_000)
        for (index, result) in results.enumerated() where result != "El número de casa \(index) es rojo." {
            Issue.record("item \(index): \(result)")
            break
        }
        let progress = task["progress"] as? [String: Int]
        #expect(progress == ["done": 1_000, "failed": 0, "total": 1_000])
        await app.stop()
    }

    @Test func aFailedItemIsListedWhileTheTaskRunsAndTheRestComplete() async throws {
        // The poisoned text fails at once (a non-retryable engine error); the others wait behind the gate, so the
        // task is still running when the failure shows. The three items reach the queue in any order, so there
        // is a worker for each: with two, both could be held at the gate before the poisoned one got its turn.
        let gate = Gate()
        let apertium = try ApertiumEngine(logger: Logger(label: "test"))
        let engine = InterceptingEngine(inner: InterceptingEngine.gated(apertium, by: gate)) { texts, pair throws(EngineError) in
            if texts.contains("Poison.") { throw .unsupportedPair(LanguagePair(source: "poison", target: pair.target)) }
        }
        let app = try await DragomanTestServer.start(engines: [engine]) {
            $0.tasks.chunkSize = 1
            $0.queue.workers = 3
        }
        let client = HTTPTestClient(baseURL: app.baseURL)
        let texts = ["Poison.", "The dog.", "The cat."]
        let accepted = try await client.post("/api/batch", ["texts": texts, "source": "en", "target": "es"])
        let id = try #require(accepted.object["task_id"] as? String)
        var running: [String: Any] = [:]
        for _ in 0..<500 {  // bounded: a failure that never shows fails the test instead of hanging it
            running = try await client.get("/api/task/\(id)").object
            if (running["progress"] as? [String: Int])?["failed"] == 1 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(running["status"] as? String == "running")
        #expect(running["results"] == nil)
        let errors = running["errors"] as? [[String: Any]] ?? []
        #expect(errors.count == 1 && errors.first?["index"] as? Int == 0)
        #expect(errors.first?["code"] as? String != nil && errors.first?["message"] as? String != nil)

        gate.open()
        let task = try await client.waitForTask(id)
        #expect(task["status"] as? String == "completed")
        #expect(task["progress"] as? [String: Int] == ["done": 2, "failed": 1, "total": 3])
        let results = task["results"] as? [Any] ?? []
        #expect(results.count == 3 && results[0] is NSNull)
        #expect(results.dropFirst().compactMap { $0 as? String } == ["El perro.", "El gato."])
        #expect((task["errors"] as? [[String: Any]])?.count == 1)
        await app.stop()
        await apertium.shutdown()
    }

    @Test func aCancelledTaskStopsAndSaysSo() async throws {
        let app = try await DragomanTestServer.start() {
            $0.tasks.chunkSize = 4
            $0.tasks.chunksInFlight = 1
        }
        let client = HTTPTestClient(baseURL: app.baseURL)
        let texts = (0..<400).map { "Sentence \($0)." }
        let accepted = try await client.post("/api/batch", ["texts": texts, "source": "en", "target": "es"])
        let id = try #require(accepted.object["task_id"] as? String)
        let cancelled = try await client.send("DELETE", "/api/task/\(id)")
        #expect(cancelled.status == 200)
        #expect(cancelled.object["status"] as? String == "cancelled")
        let again = try await client.send("DELETE", "/api/task/\(id)")
        #expect((again.status, again.errorCode) == (409, "task_finished"))
        while await app.application.tasks.activeTasks > 0 { try await Task.sleep(for: .milliseconds(50)) }
        let task = try await client.get("/api/task/\(id)")
        let done = (task.object["progress"] as? [String: Int])?["done"] ?? 0
        #expect(done < 400)
        #expect(task.object["status"] as? String == "cancelled")
        await app.stop()
    }
}

@Suite(.serialized) struct TaskResumeTests {
    /// Graceful shutdown mid-task leaves the rest in the store; the next application on the same data folder
    /// finishes it. (The kill -9 variant with a real process is in KillAndResumeTests.)
    @Test func anUnfinishedTaskResumesInTheNextApplication() async throws {
        let folder = TemporaryDirectory("resume")
        let texts = (0..<200).map { "The house number \($0) is red." }
        let first = try await DragomanTestServer.start(dataDirectory: folder) {
            $0.tasks.chunkSize = 8
            $0.tasks.chunksInFlight = 1
        }
        let record = try await first.application.api.submitBatch(texts, source: "en", target: "es", engine: nil)
        while try await first.application.tasks.store.task(record.id)?.done ?? 0 < 8 {
            try await Task.sleep(for: .milliseconds(20))
        }
        await first.stop()
        let stopped = try #require(try await first.application.tasks.store.task(record.id))
        #expect(stopped.status == .running)
        #expect(stopped.done < 200)

        let second = try await DragomanTestServer.start(dataDirectory: folder)
        let task = try await HTTPTestClient(baseURL: second.baseURL).waitForTask(record.id)
        #expect(task["status"] as? String == "completed")
        let results = task["results"] as? [String] ?? []
        #expect(results.enumerated().allSatisfy { $1 == "El número de casa \($0) es rojo." })
        await second.stop()
    }
}
