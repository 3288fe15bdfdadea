// The durability promise with a real process: kill -9 `dragoman serve` in the middle of a 2,000-text batch,
// start it again on the same data folder, and the task completes with every result, none lost or redone.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct KillAndResumeTests {
    @Test func aBatchSurvivesKill9AndCompletesAfterRestart() async throws {
        let folder = TemporaryDirectory("kill9")
        let config = folder.file("dragoman.json")
        try Data(#"{"queue": {"workers": 2}, "tasks": {"chunk_size": 16}}"#.utf8).write(to: URL(fileURLWithPath: config))
        let data = folder.file("data")
        let texts = (0..<2_000).map { "The house number \($0) is red." }

        let first = try ServeProcess(config: config, dataDirectory: data, port: ServeProcess.freePort())
        try await first.waitUntilServing()
        var client = HTTPTestClient(baseURL: first.baseURL)
        let accepted = try await client.post("/api/batch", ["texts": texts, "source": "en", "target": "es"])
        let id = try #require(accepted.object["task_id"] as? String)
        // Kill once some, but not all, items are committed.
        var doneBeforeKill = 0
        while doneBeforeKill < 50 {
            let task = try await client.get("/api/task/\(id)")
            doneBeforeKill = (task.object["progress"] as? [String: Int])?["done"] ?? 0
            try await Task.sleep(for: .milliseconds(50))
        }
        first.kill9()

        let second = try ServeProcess(config: config, dataDirectory: data, port: ServeProcess.freePort())
        try await second.waitUntilServing()
        client = HTTPTestClient(baseURL: second.baseURL)
        let resumed = try await client.get("/api/task/\(id)")
        let doneAfterRestart = (resumed.object["progress"] as? [String: Int])?["done"] ?? 0
        #expect(doneAfterRestart >= doneBeforeKill)
        #expect(doneAfterRestart < 2_000)
        let task = try await client.waitForTask(id)
        #expect(task["status"] as? String == "completed")
        #expect(task["progress"] as? [String: Int] == ["done": 2_000, "failed": 0, "total": 2_000])
        let results = task["results"] as? [String] ?? []
        #expect(results.count == 2_000)
        #expect(results.enumerated().allSatisfy { $1 == "El número de casa \($0) es rojo." })
        #expect(second.terminate() == 0)
    }
}
