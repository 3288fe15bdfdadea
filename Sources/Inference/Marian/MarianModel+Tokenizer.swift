// Builds the model's MarianTokenizer from the GGUF metadata convert-marian writes (tokenizer.vocab and
// tokenizer.{source,target}.*), so one model file is all a worker needs; and lets it serve as the engine's codec.

extension MarianModel {
    /// The tokenizer stored in this model's metadata; throws naming the first missing or malformed key.
    public func makeTokenizer() throws -> MarianTokenizer {
        guard let vocabulary = metadata.strings(GGUFKey.vocabulary) else { throw ModelLoadError.missingKey(GGUFKey.vocabulary) }
        return try MarianTokenizer(
            source: sentencePiece("source"), target: sentencePiece("target"), vocabulary: vocabulary)
    }

    private func sentencePiece(_ side: String) throws -> SentencePieceModel {
        func key(_ field: String) -> String { GGUFKey.sentencePiece(side, field) }
        guard let pieces = metadata.strings(key("pieces")) else { throw ModelLoadError.missingKey(key("pieces")) }
        guard let scores = metadata.floats(key("scores")) else { throw ModelLoadError.missingKey(key("scores")) }
        guard let types = metadata.ints(key("types")) else { throw ModelLoadError.missingKey(key("types")) }
        let flag = { (field: String, fallback: Bool) in (try? self.metadata.bool(key(field))) ?? fallback }
        let normalizer = SentencePieceNormalizerSpec(
            precompiledCharsMap: metadata.bytes(key("precompiled_charsmap")) ?? [],
            addDummyPrefix: flag("add_dummy_prefix", true),
            removeExtraWhitespaces: flag("remove_extra_whitespaces", true),
            escapeWhitespaces: flag("escape_whitespaces", true),
            treatWhitespaceAsSuffix: flag("treat_whitespace_as_suffix", false))
        return try SentencePieceModel(
            pieces: pieces, scores: scores, types: types.map(Int32.init), normalizer: normalizer,
            byteFallback: flag("byte_fallback", false))
    }
}

extension MarianTokenizer: TextCodec {}
