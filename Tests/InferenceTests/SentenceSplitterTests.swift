import Inference
import Testing

@Suite struct SentenceSplitterTests {
    @Test func splitsAtSentenceEndsAndKeepsSpacing() {
        let pieces = SentenceSplitter.split("Hello there. How are you?  Fine!\nNext line")
        #expect(pieces.map(\.sentence) == ["Hello there.", "How are you?", "Fine!", "Next line"])
        #expect(pieces.map(\.separator) == [" ", "  ", "\n", ""])
    }

    @Test func keepsAbbreviationsAndInitialsTogether() {
        let pieces = SentenceSplitter.split("Dr. Smith met J. Doe, e.g. at noon. Then left.")
        #expect(pieces.map(\.sentence) == ["Dr. Smith met J. Doe, e.g. at noon.", "Then left."])
    }

    @Test func closingQuotesStayWithTheSentence() {
        #expect(SentenceSplitter.split("He said \"stop.\" Then ran.").map(\.sentence) == ["He said \"stop.\"", "Then ran."])
    }

    @Test func leadingAndTrailingWhitespaceSurviveTheRoundTrip() {
        let text = "  One. Two \n\nThree.  "
        let pieces = SentenceSplitter.split(text)
        #expect(SentenceSplitter.join(pieces.map(\.sentence), pieces) == text)
        #expect(pieces.map(\.sentence).filter { !$0.isEmpty } == ["One.", "Two", "Three."])
    }

    @Test func emptyTextIsOneEmptyPiece() {
        #expect(SentenceSplitter.split("") == [TextPiece(sentence: "", separator: "")])
    }
}
