// Fault injection on real pipelines: a stage killed from outside while texts flow, and a stage stopped (hung).
import Engines
import Foundation
import Testing
import TestSupport

private func signalTagger(of engine: ApertiumEngine, pair: LanguagePair, _ signal: Int32) async throws {
    let group = try #require(await engine.processGroups(for: pair).first)
    let tagger = try #require(ProcessGroup.members(group).first { $0.name.hasPrefix("apertium-tagg") })
    #expect(kill(tagger.pid, signal) == 0)
}

@Suite struct ApertiumFaultTests {
    private let pair = LanguagePair(source: "en", target: "es")

    @Test func pipelineKilledWhileTextsFlowStillAnswersEveryText() async throws {
        let engine = try makeEngine()
        _ = try await engine.translate(["Warm up."], pair: pair)
        let texts = (0..<400).map { "I have \($0) dogs." }
        async let answers = engine.translate(texts, pair: pair)
        try await signalTagger(of: engine, pair: pair, SIGKILL)
        let got = try await answers
        #expect(got == (0..<400).map { "Tengo \($0) perros." })
        #expect(try await engine.translate(["I have a dog."], pair: pair) == ["Tengo un perro."])
        #expect(engine.restarts() >= 1)
        await engine.shutdown()
    }

    @Test func hungPipelineTimesOutAndRestarts() async throws {
        // Generous enough for a fresh chain to load its transducers on a busy machine; short enough for a test.
        let engine = try makeEngine { $0.timeout_seconds = 3 }
        _ = try await engine.translate(["Warm up."], pair: pair)
        try await signalTagger(of: engine, pair: pair, SIGSTOP)
        await #expect(throws: EngineError.timedOut(engine: "apertium", seconds: 3)) {
            try await engine.translate(["I have a dog."], pair: pair)
        }
        #expect(try await engine.translate(["I have a dog."], pair: pair) == ["Tengo un perro."])
        #expect(engine.restarts() >= 1)
        await engine.shutdown()
    }
}
