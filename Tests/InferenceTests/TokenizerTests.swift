// Oracle tests: the Swift SentencePiece/Marian tokenizer against sentencepiece and Hugging Face's MarianTokenizer
// on the 1,000 fixture strings (accents, NFKC cases, emoji, whitespace runs, mixed scripts, special tokens).
import Inference
import Testing

@Suite struct TokenizerTests {
    let reference: TokenizerReference
    let tokenizer: MarianTokenizer

    /// Loaded once: Swift Testing makes a suite instance per test, and the fixtures take ~0.4 s to parse.
    private static let fixtures = Result { () throws -> (TokenizerReference, MarianTokenizer) in
        (try TokenizerFixtures.decode(TokenizerReference.self, "reference-tokenizer.json"), try TokenizerFixtures.tokenizer())
    }

    init() throws {
        (reference, tokenizer) = try Self.fixtures.get()
    }

    @Test func fixtureCoversTheAgreedStrings() {
        #expect(reference.cases.count >= 1000)
        #expect(reference.cases.contains { $0.text.isEmpty })
    }

    @Test func sourcePiecesMatchSentencePiece() {
        for item in reference.cases {
            #expect(tokenizer.source.encode(item.text) == item.pieces, "\(item.text.debugDescription)")
            #expect(tokenizer.source.encodeIDs(item.text) == item.spm_ids, "\(item.text.debugDescription)")
        }
    }

    @Test func sourceIDsMatchHuggingFace() {
        for item in reference.cases {
            #expect(tokenizer.encode(item.text) == item.ids, "\(item.text.debugDescription)")
        }
    }

    @Test func targetIDsMatchHuggingFace() {
        for item in reference.cases {
            #expect(tokenizer.encodeTarget(item.text) == item.target_ids, "\(item.text.debugDescription)")
        }
    }

    @Test func decodeMatchesHuggingFace() {
        for item in reference.cases {
            #expect(tokenizer.decode(item.target_ids) == item.decoded, "\(item.text.debugDescription)")
        }
    }

    @Test func decodesModelOutputsAsHuggingFace() throws {
        let model = try TokenizerFixtures.decode(ModelReference.self, "reference-model.json")
        for sentence in model.sentences {
            #expect(tokenizer.encode(sentence.text) == sentence.input_ids)
            #expect(tokenizer.decode(sentence.greedy.ids) == sentence.greedy.text)
            #expect(tokenizer.decode(sentence.beam4.ids) == sentence.beam4.text)
        }
    }

    @Test func plainTextRoundTrips() {
        for text in ["la casa es grande", "Hola, ¿qué tal?", "el niño y la niña"] {
            #expect(tokenizer.decode(tokenizer.encodeTarget(text)) == text)
        }
    }

    @Test func specialIDs() {
        #expect(tokenizer.eosID == reference.eos_id)
        #expect(tokenizer.unknownID == reference.unk_id)
        #expect(tokenizer.padID == reference.pad_id)
        #expect(tokenizer.padID == Int32(tokenizer.vocabulary.count - 1))
    }
}
