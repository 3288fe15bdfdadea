// Loads the tokenizer fixtures Scripts/make-test-model wrote from Hugging Face and sentencepiece: the two
// SentencePiece models as plain arrays, the shared vocabulary, and the reference encodings and decodings.
import Foundation
import Inference

struct SentencePieceFixture: Decodable {
    let pieces: [String]
    let scores: [Float]
    let types: [Int32]
    let precompiled_charsmap_file: String
    let add_dummy_prefix: Bool
    let remove_extra_whitespaces: Bool
    let escape_whitespaces: Bool
    let treat_whitespace_as_suffix: Bool
    let byte_fallback: Bool
}

struct TokenizerCase: Decodable {
    let text: String
    let ids: [Int32]
    let pieces: [String]
    let spm_ids: [Int32]
    let target_ids: [Int32]
    let decoded: String
}

struct TokenizerReference: Decodable {
    let eos_id: Int32
    let unk_id: Int32
    let pad_id: Int32
    let cases: [TokenizerCase]
}

struct ModelReference: Decodable {
    struct Output: Decodable {
        let ids: [Int32]
        let text: String
    }
    struct Sentence: Decodable {
        let text: String
        let input_ids: [Int32]
        let greedy: Output
        let beam4: Output
    }
    let sentences: [Sentence]
}

enum TokenizerFixtures {
    static func url(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return url
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: url(name)))
    }

    static func sentencePiece(_ side: String) throws -> SentencePieceModel {
        let fixture = try decode(SentencePieceFixture.self, "spm-\(side).json")
        let charsMap = try [UInt8](Data(contentsOf: url(fixture.precompiled_charsmap_file)))
        let spec = SentencePieceNormalizerSpec(
            precompiledCharsMap: charsMap, addDummyPrefix: fixture.add_dummy_prefix,
            removeExtraWhitespaces: fixture.remove_extra_whitespaces, escapeWhitespaces: fixture.escape_whitespaces,
            treatWhitespaceAsSuffix: fixture.treat_whitespace_as_suffix)
        return try SentencePieceModel(
            pieces: fixture.pieces, scores: fixture.scores, types: fixture.types, normalizer: spec,
            byteFallback: fixture.byte_fallback)
    }

    /// vocab.json as id → token.
    static func vocabulary() throws -> [String] {
        let vocab = try decode([String: Int].self, "tiny-marian/vocab.json")
        var tokens = [String](repeating: "", count: vocab.count)
        for (token, id) in vocab { tokens[id] = token }
        return tokens
    }

    static func tokenizer() throws -> MarianTokenizer {
        try MarianTokenizer(source: sentencePiece("source"), target: sentencePiece("target"), vocabulary: vocabulary())
    }
}

struct SentencePieceCase: Decodable {
    let text: String
    let pieces: [String]
    let ids: [Int32]
    let decoded: String
}

struct SentencePieceReference: Decodable {
    let cases: [SentencePieceCase]
}
