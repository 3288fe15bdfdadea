// SentencePieceModel against sentencepiece on a model with what OPUS-MT's lack (byte fallback, user-defined
// pieces), plus the errors a malformed model gets instead of a crash.
import Inference
import Testing

@Suite struct SentencePieceModelTests {
    @Test func byteFallbackAndUserDefinedPiecesMatchSentencePiece() throws {
        let model = try TokenizerFixtures.sentencePiece("extra")
        #expect(model.byteFallback)
        let reference = try TokenizerFixtures.decode(SentencePieceReference.self, "reference-spm-extra.json")
        #expect(reference.cases.count > 400)
        for item in reference.cases {
            #expect(model.encode(item.text) == item.pieces, "\(item.text.debugDescription)")
            #expect(model.encodeIDs(item.text) == item.ids, "\(item.text.debugDescription)")
            #expect(model.decode(pieces: item.pieces) == item.decoded, "\(item.text.debugDescription)")
        }
    }

    @Test func decodeFollowsSentencePieceRules() throws {
        let model = try TokenizerFixtures.sentencePiece("target")
        #expect(model.decode(pieces: ["\u{2581}", "\u{2581}", "x"]) == "x")
        #expect(model.decode(pieces: ["<unk>", "a"]) == " \u{2047} a")
        #expect(model.decode(pieces: ["a", "<s>", "b"]) == "ab")
        #expect(model.decode(pieces: ["\u{2581}notAPiece\u{2581}"]) == "\u{2581}notAPiece\u{2581}")
        #expect(model.decode(pieces: ["<0xE2>", "<0x82>", "<0xAC>"]) == "<0xE2><0x82><0xAC>")
    }

    @Test func invalidByteRunsBecomeReplacementCharacters() throws {
        let model = try TokenizerFixtures.sentencePiece("extra")
        #expect(model.decode(pieces: ["<0xE2>", "<0x82>", "<0xAC>"]) == "€")
        #expect(model.decode(pieces: ["<0xE2>", "<0x82>", "a"]) == "\u{FFFD}\u{FFFD}a")
    }

    @Test func malformedModelsAreRefused() {
        let spec = SentencePieceNormalizerSpec(precompiledCharsMap: [])
        #expect(throws: TokenizerError.inconsistentPieces(pieces: 2, scores: 1, types: 2)) {
            try SentencePieceModel(pieces: ["<unk>", "a"], scores: [0], types: [2, 1], normalizer: spec)
        }
        #expect(throws: TokenizerError.missingUnknownPiece) {
            try SentencePieceModel(pieces: ["a"], scores: [0], types: [1], normalizer: spec)
        }
        #expect(throws: TokenizerError.unknownPieceType(index: 1, type: 9)) {
            try SentencePieceModel(pieces: ["<unk>", "a"], scores: [0, 0], types: [2, 9], normalizer: spec)
        }
        let broken = SentencePieceNormalizerSpec(precompiledCharsMap: [255, 255, 0, 0, 1, 2])
        #expect(throws: TokenizerError.self) {
            try SentencePieceModel(pieces: ["<unk>"], scores: [0], types: [2], normalizer: broken)
        }
    }

    @Test func modelWithoutCharsMapOnlyHandlesWhitespace() throws {
        let spec = SentencePieceNormalizerSpec(precompiledCharsMap: [])
        let model = try SentencePieceModel(
            pieces: ["<unk>", "\u{2581}ab", "\u{2581}a", "b", "c"], scores: [0, -1, -2, -2, -3],
            types: [2, 1, 1, 1, 1], normalizer: spec)
        #expect(model.normalize("  ab   c ") == "\u{2581}ab\u{2581}c")
        #expect(model.encode("  ab   c ") == ["\u{2581}ab", "\u{2581}", "c"])
        #expect(model.encodeIDs("xyz") == [0])
    }
}
