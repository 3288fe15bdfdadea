// A pipeline killed from outside while requests flow through the live server: every request still gets its
// translation (the engine restarts the chain and resends), and /metrics counts the restart.
import Engines
import Foundation
import Testing
import TestSupport
@testable import Dragoman

@Suite(.serialized) struct PipelineFaultLiveTests {
    @Test func killedPipelineIsInvisibleToClientsAndCountedInMetrics() async throws {
        let app = try await DragomanTestServer.start()
        let client = HTTPTestClient(baseURL: app.baseURL)
        let engine = try #require(app.application.service.engines["apertium"] as? ApertiumEngine)
        let warm = try await client.post("/api/translate", ["text": "Warm up.", "source": "en", "target": "es"])
        #expect(warm.status == 200)

        let group = try #require(await engine.processGroups(for: LanguagePair(source: "en", target: "es")).first)
        let replies = try await withThrowingTaskGroup(of: (Int, HTTPReply).self) { requests in
            for number in 0..<200 {
                requests.addTask {
                    (number, try await client.post("/api/translate", ["text": "I have \(number) dogs.", "source": "en", "target": "es"]))
                }
            }
            // Kill a stage once the first answers are back, so later requests meet a dead chain.
            var replies: [(Int, HTTPReply)] = []
            for try await reply in requests {
                replies.append(reply)
                if replies.count == 20, let tagger = ProcessGroup.members(group).first(where: { $0.name.hasPrefix("apertium-tagg") }) {
                    #expect(kill(tagger.pid, SIGKILL) == 0)
                }
            }
            return replies
        }
        #expect(replies.count == 200)
        for (number, reply) in replies {
            #expect(reply.status == 200 && reply.object["translation"] as? String == "Tengo \(number) perros.")
        }
        #expect(engine.restarts() >= 1)
        let metrics = try await client.get("/metrics")
        #expect(metrics.text.contains(#"dragoman_engine_restarts_total{engine="apertium"} "#))
        #expect(!metrics.text.contains(#"dragoman_engine_restarts_total{engine="apertium"} 0"#))
        await app.stop()
    }
}
