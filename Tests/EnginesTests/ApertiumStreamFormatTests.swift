// The stream-format encoding, checked on literals (no Apertium needed).
@testable import Engines
import Testing

@Suite struct ApertiumStreamFormatTests {
    @Test func escapesSpecialCharactersAndWrapsLineBreaks() {
        let bytes = ApertiumStreamFormat.encode("a^b$ <c>\n\nd[e]")
        #expect(String(decoding: bytes, as: UTF8.self) == "a\\^b\\$ \\<c\\>[\n\n]d\\[e\\][]\0")
    }

    @Test func decodingUndoesEscapesAndOpensSuperblanks() {
        #expect(ApertiumStreamFormat.decode(Array("x \\<b\\> y[\n]z[]".utf8)) == "x <b> y\nz")
    }

    @Test func anAnswerWithoutTheClosingSuperblankIsTruncated() {
        #expect(ApertiumStreamFormat.decode(Array("Hola".utf8)) == nil)
        #expect(ApertiumStreamFormat.decode([]) == nil)
        #expect(ApertiumStreamFormat.decode(Array("Hola\\[]".utf8)) == nil)
    }

    @Test func keepsTheOriginalOuterWhitespace() {
        #expect(ApertiumStreamFormat.reassemble(" Tengo un perro.", like: "I have a dog.\n") == "Tengo un perro.\n")
    }
}
