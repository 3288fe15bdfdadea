// Hugging Face's MarianTokenizer in Swift: source text → vocabulary ids (+ </s>) for the encoder, and target ids →
// text as `decode(ids, skip_special_tokens=True)` gives it. Pure and Sendable; one per model, shared by workers.
// HF's Moses punctuation normalizer (sacremoses) is defined in tokenization_marian.py but never called when
// tokenizing (transformers 5.23), so neither this nor the fixtures apply it.

public struct MarianTokenizer: Sendable {
    public let source: SentencePieceModel
    public let target: SentencePieceModel
    /// id → token, from vocab.json (GGUF tokenizer.vocab).
    public let vocabulary: [String]
    public let eosID: Int32
    public let unknownID: Int32
    public let padID: Int32
    /// token bytes → id; bytes because Swift String equality is canonical equivalence, Python's is not.
    private let idsByToken: [[UInt8]: Int32]
    private static let specialTokens = ["</s>", "<unk>", "<pad>"]

    public init(source: SentencePieceModel, target: SentencePieceModel, vocabulary: [String]) throws(TokenizerError) {
        var ids: [[UInt8]: Int32] = [:]
        for (index, token) in vocabulary.enumerated() where ids[Array(token.utf8)] == nil {
            ids[Array(token.utf8)] = Int32(index)
        }
        func required(_ token: String) throws(TokenizerError) -> Int32 {
            guard let id = ids[Array(token.utf8)] else { throw .missingToken(token) }
            return id
        }
        self.source = source
        self.target = target
        self.vocabulary = vocabulary
        idsByToken = ids
        eosID = try required("</s>")
        unknownID = try required("<unk>")
        padID = try required("<pad>")
    }

    public func id(of token: String) -> Int32 { idsByToken[Array(token.utf8)] ?? unknownID }

    /// `tokenizer(text).input_ids`: special-token strings in the text stay tokens (as HF splits on them), a leading
    /// ">>xx<<" language code is one token, everything else goes through the source SentencePiece model.
    public func encode(_ text: String) -> [Int32] { encode(text, with: source) }

    /// `tokenizer(text_target=text).input_ids`: the same rules with the target SentencePiece model.
    public func encodeTarget(_ text: String) -> [Int32] { encode(text, with: target) }

    private func encode(_ text: String, with model: SentencePieceModel) -> [Int32] {
        var ids: [Int32] = []
        for chunk in SpecialTokenSplitter.split(text, on: Self.specialTokens) {
            switch chunk {
            case .special(let token): ids.append(id(of: token))
            case .text(let text): ids += encodeChunk(text, with: model)
            }
        }
        return ids + [eosID]
    }

    /// MarianTokenizer._tokenize: remove_language_code, then SentencePiece pieces, each mapped through the vocabulary.
    private func encodeChunk(_ text: String, with model: SentencePieceModel) -> [Int32] {
        let (code, rest) = LanguageCode.split(text)
        return (code.map { [id(of: $0)] } ?? []) + model.encode(rest).map(id(of:))
    }

    /// `decode(ids, skip_special_tokens=True)`: special ids dropped, the rest decoded by the target model,
    /// "▁" → space, and Python's `str.strip()`.
    public func decode(_ ids: [Int32]) -> String {
        let pieces = ids.compactMap { id -> String? in
            guard id != eosID, id != unknownID, id != padID, id >= 0, Int(id) < vocabulary.count else { return nil }
            return vocabulary[Int(id)]
        }
        let text = target.decode(pieces: pieces)
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.map { $0 == "\u{2581}" ? " " : $0 })
        return PythonWhitespace.strip(String(scalars))
    }
}
