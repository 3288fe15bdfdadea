// The Apertium engine against the real installed pairs (apertium-eng-spa, apertium-es-pt, …).
import Engines
import Logging
import Testing

private let english = LanguagePair(source: "en", target: "es")

func makeEngine(_ change: (inout ApertiumConfiguration) -> Void = { _ in }) throws -> ApertiumEngine {
    var configuration = ApertiumConfiguration()
    change(&configuration)
    return try ApertiumEngine(configuration: configuration, logger: Logger(label: "test"))
}

@Suite struct ApertiumEngineTests {
    @Test func discoversPlainModesWithISOCodes() async throws {
        let engine = try makeEngine()
        let pairs = Set(await engine.pairs())
        #expect(pairs.contains(english))
        #expect(pairs.contains(LanguagePair(source: "es", target: "en")))
        #expect(pairs.contains(LanguagePair(source: "es", target: "pt")))
        #expect(pairs.contains(LanguagePair(source: "ca", target: "es")))
        #expect(!pairs.contains { $0.target.contains("_") || $0.source.count > 3 })
        #expect(await engine.version(for: english).contains("apertium-eng-spa"))
        await engine.shutdown()
    }

    @Test func translatesHelloWorld() async throws {
        let engine = try makeEngine()
        #expect(try await engine.translate(["Hello world."], pair: english) == ["Hola Mundo."])
        #expect(try await engine.translate(["I have a dog."], pair: english) == ["Tengo un perro."])
        await engine.shutdown()
    }

    @Test func answersABatchInOrder() async throws {
        let engine = try makeEngine { $0.pipelines_per_pair = 2 }
        let texts = (0..<200).map { "I have \($0) dogs." }
        let answers = try await engine.translate(texts, pair: english)
        #expect(answers == (0..<200).map { "Tengo \($0) perros." })
        await engine.shutdown()
    }

    @Test func keepsNewlinesQuotesMarkupAndEmoji() async throws {
        let engine = try makeEngine()
        let text = "  The \"house\" is <b>big</b> &amp; {red} [1] a\\b ^x$ @me *star* #tag 😀\n\nThe dog.\n"
        let answer = try #require(try await engine.translate([text], pair: english).first)
        #expect(answer.hasPrefix("  La \"casa\" es <b>grande</b> &amp; {rojo} [1] un\\b ^x$ @me *"))
        #expect(answer.hasSuffix("😀\n\nEl perro.\n"))
        await engine.shutdown()
    }

    @Test func translatesALongParagraphWhole() async throws {
        let engine = try makeEngine()
        let sentence = "The cat sleeps on the red chair. "
        let text = String(repeating: sentence, count: 5_000 / sentence.count)
        let answer = try #require(try await engine.translate([text], pair: english).first)
        let expected = "Los sueños de gato en la silla roja."  // Apertium 0.8.1's reading, checked with `apertium`
        #expect(answer.components(separatedBy: expected).count - 1 == 5_000 / sentence.count)
        await engine.shutdown()
    }

    @Test func removesOrKeepsUnknownWordMarks() async throws {
        let plain = try makeEngine()
        let marked = try makeEngine { $0.mark_unknown = true }
        #expect(try await plain.translate(["The dog of Xyzzy."], pair: english) == ["El perro de Xyzzy."])
        #expect(try await marked.translate(["The dog of Xyzzy."], pair: english) == ["El perro de *Xyzzy."])
        await plain.shutdown()
        await marked.shutdown()
    }

    @Test func emptyAndBlankTextsComeBackAsTheyAre() async throws {
        let engine = try makeEngine()
        #expect(try await engine.translate(["", "  \n"], pair: english) == ["", "  \n"])
        await engine.shutdown()
    }

    @Test func unsupportedPairIsRejected() async throws {
        let engine = try makeEngine()
        let pair = LanguagePair(source: "en", target: "xx")
        await #expect(throws: EngineError.unsupportedPair(pair)) { try await engine.translate(["Hi"], pair: pair) }
        #expect(await engine.route(for: pair) == nil)
    }
}
