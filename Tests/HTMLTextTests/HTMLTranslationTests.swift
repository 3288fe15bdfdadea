// The batch call: one translate call per document, spaces kept around each node, structure intact.
import Testing

@testable import HTMLText

@Suite struct HTMLTranslationTests {
    @Test func translatesTextNodesAsOneBatchKeepingSpacesAndTags() async throws {
        let calls = Counter()
        let html = "<p class=\"x\">Hello <b>world</b> &amp; friends</p>"
        let result = try await HTMLTranslation.translate(html) { texts in
            await calls.increment()
            #expect(texts == ["Hello", "world", "& friends"])
            return texts.map { $0.uppercased() }
        }
        #expect(result == "<p class=\"x\">HELLO <b>WORLD</b> &amp; FRIENDS</p>")
        #expect(await calls.value == 1)
    }

    @Test func markupWithoutProseIsNotSentForTranslation() async throws {
        let result = try await HTMLTranslation.translate("<br><img src=\"a.png\"> 42 ") { _ in
            Issue.record("nothing to translate")
            return []
        }
        #expect(result == "<br><img src=\"a.png\"> 42 ")
    }

    @Test func nonASCIIComesBackAsUTF8() async throws {
        let result = try await HTMLTranslation.translate("<p>Good morning</p>") { _ in ["¡Buenos días! 🌞"] }
        #expect(result == "<p>¡Buenos días! 🌞</p>")
    }
}

actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}
