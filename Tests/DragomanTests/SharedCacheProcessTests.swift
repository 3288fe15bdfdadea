// The cache's promises with real processes: two `dragoman serve` processes share translations through one
// real redis-server; Redis killed mid-test costs no request and shows as degraded; Redis back, the tier heals and
// takes writes again; a restarted process finds its translations in its own SQLite file.
import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct SharedCacheProcessTests {
    let folder = TemporaryDirectory("shared-cache")

    func serve(_ name: String, redis: RedisServer?) async throws -> (ServeProcess, HTTPTestClient) {
        let config = folder.file("dragoman.json")
        try Data(#"{"queue": {"workers": 2}}"#.utf8).write(to: URL(fileURLWithPath: config))
        let arguments = ["--models-dir", folder.file("no-models")] + (redis.map { ["--redis", $0.urlString] } ?? [])
        let process = try ServeProcess(
            config: config, dataDirectory: folder.file("data-\(name)"), port: ServeProcess.freePort(), arguments: arguments)
        try await process.waitUntilServing()
        return (process, HTTPTestClient(baseURL: process.baseURL))
    }

    func translate(_ text: String, on client: HTTPTestClient) async throws -> HTTPReply {
        try await client.post("/api/translate", ["text": text, "source": "en", "target": "es"])
    }

    func healthStatus(_ client: HTTPTestClient) async throws -> String? {
        try await client.get("/health").object["status"] as? String
    }

    @Test func processesShareThroughRedisSurviveItsOutageAndRestartWarm() async throws {
        let redis = try RedisServer()
        defer { redis.stop() }
        let (first, a) = try await serve("a", redis: redis)
        let (second, b) = try await serve("b", redis: redis)

        let made = try await translate("The old farmer sells a red car.", on: a)
        #expect(made.status == 200 && made.object["cached"] as? Bool == false)
        // b has its own memory and SQLite tiers, both empty: a hit can only come from Redis.
        let shared = try await translate("The old farmer sells a red car.", on: b)
        #expect(shared.object["cached"] as? Bool == true)
        #expect(shared.object["translation"] as? String == made.object["translation"] as? String)

        redis.kill()
        for number in 0..<20 {
            let reply = try await translate("I have \(number) dogs.", on: b)
            #expect(reply.status == 200 && reply.object["translation"] as? String == "Tengo \(number) perros.")
        }
        let degraded = try await b.get("/health")
        #expect(degraded.object["status"] as? String == "degraded", "\(degraded.text)")

        try redis.restart()
        var status = try await healthStatus(b)
        for attempt in 0..<100 where status != "ok" {  // reconnection backs off; bounded so a bug fails, not hangs
            _ = try await translate("Warm-up \(attempt).", on: b)
            try await Task.sleep(for: .milliseconds(100))
            status = try await healthStatus(b)
        }
        #expect(status == "ok")
        let written = try await translate("The small cat opens a green door.", on: b)
        #expect(written.object["cached"] as? Bool == false)
        #expect(try await translate("The small cat opens a green door.", on: a).object["cached"] as? Bool == true)
        #expect(first.terminate() == 0 && second.terminate() == 0)

        // A restart without Redis starts warm from the process's own SQLite tier.
        let (restarted, again) = try await serve("a", redis: nil)
        #expect(try await translate("The old farmer sells a red car.", on: again).object["cached"] as? Bool == true)
        #expect(restarted.terminate() == 0)
    }
}
