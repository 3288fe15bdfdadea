// The marian engine end to end on the real tiny model: discovery by language pair, versions, sentence splitting,
// and dynamic batching (concurrent calls must give exactly what one-by-one search gives).
import Engines
import Foundation
import Inference
import Testing

@Suite struct MarianEngineTests {
    let pair = LanguagePair(source: "en", target: "es")

    func engine(_ directory: String, workers: Int = 1, batch: Int = 16, beams: Int? = nil) -> MarianEngine {
        var configuration = MarianConfiguration()
        (configuration.modelsDir, configuration.workers, configuration.maxBatchSize) = (directory, workers, batch)
        configuration.threads = 1
        configuration.beamSize = beams
        return MarianEngine(configuration: configuration)
    }

    /// What the engine must return: the codec and search run directly, one sentence at a time.
    func expected(_ sentence: String, beams: Int) throws -> String {
        let model = try MarianModel(path: MarianFixture.modelPath)
        let codec = try model.makeTokenizer()
        var options = SearchOptions(model: model.hyperparameters)
        options.beams = beams
        let state = MarianState(model: model, threads: 1)
        let source = [codec.encode(sentence)]
        let output = beams == 1 ? try GreedySearch.run(state, sources: source, options: options)
            : try BeamSearch.run(state, sources: source, options: options)
        return codec.decode(output[0])
    }

    @Test func servesModelsByTheirMetadataPair() async throws {
        let directory = try MarianFixture.modelsDirectory()
        let engine = engine(directory.path)
        #expect(await engine.pairs() == [pair])
        #expect(await engine.version(for: pair).hasPrefix("tiny-en-es.gguf@"))
        #expect(await engine.health().healthy)
        await #expect(throws: EngineError.unsupportedPair(LanguagePair(source: "xx", target: "yy"))) {
            try await engine.translate(["hi"], pair: LanguagePair(source: "xx", target: "yy"))
        }
    }

    @Test func splitsSentencesAndKeepsBlankInputs() async throws {
        let directory = try MarianFixture.modelsDirectory()
        let output = try await engine(directory.path, beams: 1).translate(["the dog runs. the cat sleeps.", ""], pair: pair)
        let first = try expected("the dog runs.", beams: 1) + " " + expected("the cat sleeps.", beams: 1)
        #expect(output == [first, ""])
    }

    /// A sentence with more tokens than the model's 256 positions is translated in two halves, not cut to its start.
    @Test func sentenceLongerThanThePositionsIsTranslatedWhole() async throws {
        let directory = try MarianFixture.modelsDirectory()
        let model = try MarianModel(path: MarianFixture.modelPath)
        let codec = try model.makeTokenizer()
        let first = Array(repeating: "she reads a book", count: 32).joined(separator: " ")
        let second = Array(repeating: "we go home now", count: 32).joined(separator: " ")
        let positions = model.hyperparameters.maxPositions
        try #require(codec.encode(first).count <= positions && codec.encode(second).count <= positions)
        try #require(codec.encode(first + " " + second).count > positions, "\(codec.encode(first).count) + \(codec.encode(second).count)")
        let output = try await engine(directory.path, beams: 1).translate([first + " " + second], pair: pair)
        #expect(output == [try expected(first, beams: 1) + " " + expected(second, beams: 1)])
    }

    @Test(arguments: [1, 4]) func concurrentCallsEqualOneByOne(beams: Int) async throws {
        let directory = try MarianFixture.modelsDirectory()
        let engine = engine(directory.path, workers: 2, batch: 3, beams: beams)
        let texts = ["the dog", "a small house is green", "she reads a book", "we go home now", "the cat", "it rains"]
        let results = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, try await engine.translate([text], pair: pair)) }
            }
            return try await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1[0] }
        }
        for (index, text) in texts.enumerated() { #expect(results[index] == (try expected(text, beams: beams))) }
    }

    /// Text in, text out, against Hugging Face's generate() + decode for every single-sentence fixture. The empty
    /// text is left out: the engine returns "" for it, where the model would decode a lone EOS into something.
    @Test(arguments: [1, 4]) func translatesLikeHuggingFace(beams: Int) async throws {
        let directory = try MarianFixture.modelsDirectory()
        let engine = engine(directory.path, batch: 8, beams: beams)
        let sentences = try MarianFixture.reference().filter { !$0.text.isEmpty && SentenceSplitter.split($0.text).count == 1 }
        #expect(sentences.count >= 10)
        let output = try await engine.translate(sentences.map(\.text), pair: pair)
        #expect(output == sentences.map { beams == 1 ? $0.greedy.text : $0.beam4.text })
    }

    @Test func preloadMapsEveryModelAtStart() async throws {
        let directory = try MarianFixture.modelsDirectory()
        var configuration = MarianConfiguration()
        (configuration.modelsDir, configuration.preload, configuration.threads) = (directory.path, true, 1)
        let engine = await MarianEngine.start(configuration: configuration)
        #expect(await engine.health() == EngineHealth(healthy: true, detail: "1 models, 1 loaded"))
    }

    @Test func emptyDirectoryIsUnhealthy() async {
        let engine = engine("/nonexistent/models")
        #expect(await engine.pairs().isEmpty)
        #expect(await !engine.health().healthy)
    }

    @Test func configurationDecodesSnakeCaseWithDefaults() throws {
        let empty = try JSONDecoder().decode(MarianConfiguration.self, from: Data("{}".utf8))
        #expect(empty == MarianConfiguration())
        let json = #"""
            {"models_dir": "m", "workers": 3, "max_batch_size": 8, "beam_size": 2, "max_length": 64, "preload": true,
             "max_worker_memory_mb": 512}
            """#
        let set = try JSONDecoder().decode(MarianConfiguration.self, from: Data(json.utf8))
        #expect(set.modelsDir == "m" && set.workers == 3 && set.maxBatchSize == 8)
        #expect(set.beamSize == 2 && set.maxLength == 64 && set.preload && set.maxWorkerMemoryMB == 512)
    }

    /// A batch over the worker's memory limit fails the request with an engine error that says why and is
    /// retryable (the queue then retries its texts alone); the engine goes on serving what fits.
    @Test func aBatchOverTheWorkerMemoryLimitFailsWithAnEngineErrorNotACrash() async throws {
        let directory = try MarianFixture.modelsDirectory()
        var configuration = MarianConfiguration()
        (configuration.modelsDir, configuration.threads, configuration.maxWorkerMemoryMB) = (directory.path, 1, 1)
        configuration.beamSize = 100_000
        await #expect {
            try await MarianEngine(configuration: configuration).translate(["Hello world."], pair: pair)
        } throws: { error in
            guard case .failed(let name, let reason)? = error as? EngineError else { return false }
            return name == "marian" && reason.contains("within the worker's memory limit of 1 MiB")
                && reason.contains("beam_size") && (error as? EngineError)?.isRetryable == true
        }
        configuration.beamSize = 4
        let output = try await MarianEngine(configuration: configuration).translate(["Hello world."], pair: pair)
        #expect(output == [try expected("Hello world.", beams: 4)])
    }
}
