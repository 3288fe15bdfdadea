// A SentencePiece unigram model built from plain arrays (the GGUF tokenizer.{source,target}.* metadata or a test
// fixture), encoding as sentencepiece's SentencePieceProcessor::Encode does: normalize, Viterbi over the pieces,
// merge runs of unknown characters (or split them into byte pieces). One per translation direction side, shared
// read-only by every worker; encoding a sentence costs O(bytes × longest piece).

/// sentencepiece's ModelProto.SentencePiece.Type.
public enum SentencePieceType: Int32, Sendable {
    case normal = 1, unknown = 2, control = 3, userDefined = 4, unused = 5, byte = 6
}

public struct SentencePieceModel: Sendable {
    public let pieces: [String]
    public let scores: [Float]
    public let types: [SentencePieceType]
    public let byteFallback: Bool
    public let unknownID: Int32
    let normalizer: SentencePieceNormalizer
    /// NORMAL, USER_DEFINED and UNUSED pieces, as sentencepiece's unigram trie holds them.
    let trie: PieceTrie
    /// Every piece's id by its UTF-8 bytes (PieceToId). Bytes, not String: Swift's String equality is canonical
    /// equivalence, and sentencepiece compares bytes ("é" and "e\u{301}" are different pieces).
    let idsByPiece: [[UInt8]: Int32]
    /// Score bounds over NORMAL pieces (unigram_model.cc): unknown characters cost minScore - 10.
    let minScore: Float
    let maxScore: Float

    public init(
        pieces: [String], scores: [Float], types: [Int32], normalizer: SentencePieceNormalizerSpec,
        byteFallback: Bool = false
    ) throws(TokenizerError) {
        guard pieces.count == scores.count, pieces.count == types.count else {
            throw .inconsistentPieces(pieces: pieces.count, scores: scores.count, types: types.count)
        }
        var kinds: [SentencePieceType] = []
        for (index, raw) in types.enumerated() {
            guard let kind = SentencePieceType(rawValue: raw) else { throw .unknownPieceType(index: index, type: raw) }
            kinds.append(kind)
        }
        guard let unknown = kinds.firstIndex(of: .unknown) else { throw .missingUnknownPiece }
        self.pieces = pieces
        self.scores = scores
        self.types = kinds
        self.byteFallback = byteFallback
        unknownID = Int32(unknown)
        let inTrie = kinds.indices.filter { [.normal, .userDefined, .unused].contains(kinds[$0]) }
        trie = PieceTrie(inTrie.map { (Array(pieces[$0].utf8), Int32($0)) })
        var ids: [[UInt8]: Int32] = [:]
        for (index, piece) in pieces.enumerated() where ids[Array(piece.utf8)] == nil {
            ids[Array(piece.utf8)] = Int32(index)
        }
        idsByPiece = ids
        let normalScores = kinds.indices.filter { kinds[$0] == .normal }.map { scores[$0] }
        minScore = normalScores.min() ?? 0
        maxScore = normalScores.max() ?? 0
        let userDefined = kinds.indices.filter { kinds[$0] == .userDefined }.map { pieces[$0] }
        self.normalizer = try SentencePieceNormalizer(spec: normalizer, userDefinedPieces: userDefined)
    }

    /// sentencepiece's PieceToId: unknown strings map to the unknown piece.
    public func id(of piece: String) -> Int32 { idsByPiece[Array(piece.utf8)] ?? unknownID }

    /// The text as sentencepiece normalizes it (with "▁" for spaces when escaping).
    public func normalize(_ text: String) -> String {
        String(decoding: normalizer.normalize(Array(text.utf8)), as: UTF8.self)
    }

    /// The pieces sentencepiece's `encode(text, out_type=str)` returns.
    public func encode(_ text: String) -> [String] { encodeWithIDs(text).map(\.piece) }

    /// The ids sentencepiece's `encode(text)` returns.
    public func encodeIDs(_ text: String) -> [Int32] { encodeWithIDs(text).map(\.id) }

    /// Pieces with their ids; a merged run of unknown characters keeps the unknown id.
    public func encodeWithIDs(_ text: String) -> [(piece: String, id: Int32)] {
        let normalized = normalizer.normalize(Array(text.utf8))
        return populate(normalized, bestPath(normalized))
    }
}
