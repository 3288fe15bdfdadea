// Errors building a tokenizer from model data (GGUF metadata or test fixtures); each names what was wrong.

public enum TokenizerError: Error, Equatable, Sendable {
    /// The precompiled charsmap blob is malformed.
    case brokenCharsMap(String)
    /// Pieces, scores and types arrays disagree in length.
    case inconsistentPieces(pieces: Int, scores: Int, types: Int)
    /// A piece type outside sentencepiece's ModelProto.SentencePiece.Type (1...6).
    case unknownPieceType(index: Int, type: Int32)
    /// The model has no piece of type UNKNOWN.
    case missingUnknownPiece
    /// A vocabulary token the tokenizer needs (e.g. "</s>") is missing.
    case missingToken(String)
}
