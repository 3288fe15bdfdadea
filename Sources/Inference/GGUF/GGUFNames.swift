// Every GGUF metadata key and tensor name the Marian runner reads, in one table that mirrors
// Scripts/marian_gguf.py (the converter's table). Only these two files know the names; everything else asks here.

/// Metadata keys written by `Scripts/convert-marian`.
public enum GGUFKey {
    public static let architecture = "general.architecture"
    public static let name = "general.name"
    static func marian(_ suffix: String) -> String { "marian." + suffix }
    public static let sourceLanguage = marian("source_language")
    public static let targetLanguage = marian("target_language")
    public static let vocabSize = marian("vocab_size")
    public static let dModel = marian("d_model")
    public static let encoderLayers = marian("encoder_layers")
    public static let decoderLayers = marian("decoder_layers")
    public static let encoderHeads = marian("encoder_attention_heads")
    public static let decoderHeads = marian("decoder_attention_heads")
    public static let encoderFFN = marian("encoder_ffn_dim")
    public static let decoderFFN = marian("decoder_ffn_dim")
    public static let maxPositions = marian("max_position_embeddings")
    public static let activation = marian("activation")
    public static let scaleEmbedding = marian("scale_embedding")
    public static let tieWordEmbeddings = marian("tie_word_embeddings")
    public static let padTokenID = marian("pad_token_id")
    public static let eosTokenID = marian("eos_token_id")
    public static let unkTokenID = marian("unk_token_id")
    public static let decoderStartTokenID = marian("decoder_start_token_id")
    public static let numBeams = marian("num_beams")
    public static let maxLength = marian("max_length")
    public static let lengthPenalty = marian("length_penalty")
    public static let badWordsIDs = marian("bad_words_ids")
    /// Optional: -1 or absent when no token is forced at max_length - 1.
    public static let forcedEOSTokenID = marian("forced_eos_token_id")
    /// Optional: log-softmax again after the bans (beam scores), as generation_config's renormalize_logits.
    public static let renormalizeLogits = marian("renormalize_logits")
    public static let vocabulary = "tokenizer.vocab"
    /// SentencePiece fields per side ("source", "target"): pieces, scores, types, precompiled_charsmap…
    public static func sentencePiece(_ side: String, _ field: String) -> String { "tokenizer.\(side).\(field)" }
}

/// Tensor names: `token_embd.weight`, `enc.blk.3.attn_q.weight`, `dec.blk.0.cross_k.bias`…
public enum GGUFTensorName {
    public static let tokenEmbedding = "token_embd.weight"
    public static let decoderTokenEmbedding = "dec.token_embd.weight"
    public static let positions = "pos_embd.weight"
    public static let output = "output.weight"
    public static let outputBias = "output.bias"

    public enum Stack: String, Sendable { case encoder = "enc", decoder = "dec" }

    /// Linear layers and norms inside a block; `attn_*` is self-attention, `cross_*` the decoder's encoder-attention.
    public enum Part: String, Sendable, CaseIterable {
        case attnQ = "attn_q", attnK = "attn_k", attnV = "attn_v", attnO = "attn_o", attnNorm = "attn_norm"
        case crossQ = "cross_q", crossK = "cross_k", crossV = "cross_v", crossO = "cross_o", crossNorm = "cross_norm"
        case ffnUp = "ffn_up", ffnDown = "ffn_down", ffnNorm = "ffn_norm"

        var isNorm: Bool { self == .attnNorm || self == .crossNorm || self == .ffnNorm }
        var isCross: Bool { rawValue.hasPrefix("cross") }
    }

    public static func block(_ stack: Stack, _ layer: Int, _ part: Part, bias: Bool) -> String {
        "\(stack.rawValue).blk.\(layer).\(part.rawValue).\(bias ? "bias" : "weight")"
    }
}
