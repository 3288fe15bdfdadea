"""The one table of GGUF names for Marian (OPUS-MT) models: metadata keys and tensor names.

convert-marian writes these names and make-test-model checks them; the Swift runner reads the same strings
(Sources/Inference mirrors this table). Only the converter knows the Hugging Face layout; everything after it
speaks these names. Weights keep Hugging Face's [out, in] layout, so ggml sees ne0 = in.
"""

ARCHITECTURE = "marian"

# General metadata.
KEY_ARCHITECTURE = "general.architecture"
KEY_NAME = "general.name"

# Hyper-parameters (uint32 unless noted).
KEY_SOURCE_LANGUAGE = "marian.source_language"  # string, ISO 639-1
KEY_TARGET_LANGUAGE = "marian.target_language"  # string, ISO 639-1
KEY_VOCAB_SIZE = "marian.vocab_size"
KEY_D_MODEL = "marian.d_model"
KEY_ENCODER_LAYERS = "marian.encoder_layers"
KEY_DECODER_LAYERS = "marian.decoder_layers"
KEY_ENCODER_HEADS = "marian.encoder_attention_heads"
KEY_DECODER_HEADS = "marian.decoder_attention_heads"
KEY_ENCODER_FFN = "marian.encoder_ffn_dim"
KEY_DECODER_FFN = "marian.decoder_ffn_dim"
KEY_MAX_POSITIONS = "marian.max_position_embeddings"
KEY_ACTIVATION = "marian.activation"  # string: swish | relu | gelu | gelu_new
KEY_SCALE_EMBEDDING = "marian.scale_embedding"  # bool: multiply embeddings by sqrt(d_model)
KEY_TIE_EMBEDDINGS = "marian.tie_word_embeddings"  # bool: output projection is token_embd

# Special ids and generation defaults (from generation_config.json, else config.json, else Hugging Face defaults).
KEY_PAD_ID = "marian.pad_token_id"
KEY_EOS_ID = "marian.eos_token_id"
KEY_UNK_ID = "marian.unk_token_id"
KEY_DECODER_START_ID = "marian.decoder_start_token_id"
KEY_NUM_BEAMS = "marian.num_beams"
KEY_MAX_LENGTH = "marian.max_length"  # counts the decoder start token, as Hugging Face's max_length does
KEY_LENGTH_PENALTY = "marian.length_penalty"  # float32
KEY_BAD_WORDS_IDS = "marian.bad_words_ids"  # int32 array: single-token bans (OPUS-MT bans pad)
# Extensions beyond the first contract, both optional for readers:
KEY_FORCED_EOS_ID = "marian.forced_eos_token_id"  # int32, -1 when none: EOS forced at the last step (max_length - 1)
KEY_RENORMALIZE_LOGITS = "marian.renormalize_logits"  # bool: log_softmax again after the bans (beam scores)

# Tokenizer: one shared vocabulary (vocab.json, id → token) and two SentencePiece unigram models.
KEY_VOCAB = "tokenizer.vocab"  # string array


def spm_key(side: str, field: str) -> str:
    """`side` is "source" or "target"; fields: pieces (string[]), scores (f32[]), types (int32[], sentencepiece
    ModelProto.SentencePiece.Type), precompiled_charsmap (uint8[]), add_dummy_prefix, remove_extra_whitespaces,
    escape_whitespaces, treat_whitespace_as_suffix, byte_fallback (bool), unk_id (int32), normalizer_name (string)."""
    return f"tokenizer.{side}.{field}"


SPM_SIDES = ("source", "target")

# Tensors. Biases, norms and positions stay f32 whatever --type says.
TOKEN_EMBD = "token_embd.weight"  # [vocab, d_model]; shared by encoder, decoder and (if tied) the output
DEC_TOKEN_EMBD = "dec.token_embd.weight"  # only when the decoder's embeddings are not shared
POS_EMBD = "pos_embd.weight"  # [max_positions, d_model] sinusoidal, used by encoder and decoder
OUTPUT = "output.weight"  # only when not tied
OUTPUT_BIAS = "output.bias"  # final_logits_bias, [vocab]

# Per-layer tensors: (GGUF suffix, Hugging Face module path inside the layer).
ENCODER_LAYER = [
    ("attn_q", "self_attn.q_proj"),
    ("attn_k", "self_attn.k_proj"),
    ("attn_v", "self_attn.v_proj"),
    ("attn_o", "self_attn.out_proj"),
    ("attn_norm", "self_attn_layer_norm"),
    ("ffn_up", "fc1"),
    ("ffn_down", "fc2"),
    ("ffn_norm", "final_layer_norm"),
]
DECODER_LAYER = [
    ("attn_q", "self_attn.q_proj"),
    ("attn_k", "self_attn.k_proj"),
    ("attn_v", "self_attn.v_proj"),
    ("attn_o", "self_attn.out_proj"),
    ("attn_norm", "self_attn_layer_norm"),
    ("cross_q", "encoder_attn.q_proj"),
    ("cross_k", "encoder_attn.k_proj"),
    ("cross_v", "encoder_attn.v_proj"),
    ("cross_o", "encoder_attn.out_proj"),
    ("cross_norm", "encoder_attn_layer_norm"),
    ("ffn_up", "fc1"),
    ("ffn_down", "fc2"),
    ("ffn_norm", "final_layer_norm"),
]


def enc_tensor(layer: int, part: str, kind: str) -> str:
    """kind is "weight" or "bias"."""
    return f"enc.blk.{layer}.{part}.{kind}"


def dec_tensor(layer: int, part: str, kind: str) -> str:
    return f"dec.blk.{layer}.{part}.{kind}"


def layer_tensor_map(encoder_layers: int, decoder_layers: int) -> dict[str, str]:
    """Hugging Face name → GGUF name for every per-layer tensor."""
    names = {}
    for i in range(encoder_layers):
        for part, hf in ENCODER_LAYER:
            for kind in ("weight", "bias"):
                names[f"model.encoder.layers.{i}.{hf}.{kind}"] = enc_tensor(i, part, kind)
    for i in range(decoder_layers):
        for part, hf in DECODER_LAYER:
            for kind in ("weight", "bias"):
                names[f"model.decoder.layers.{i}.{hf}.{kind}"] = dec_tensor(i, part, kind)
    return names


def is_matmul_weight(gguf_name: str) -> bool:
    """Weights that --type converts: the 2-D matrices of matmuls and embeddings, never norms or positions."""
    if gguf_name in (TOKEN_EMBD, DEC_TOKEN_EMBD, OUTPUT):
        return True
    return gguf_name.endswith(".weight") and not gguf_name.endswith("_norm.weight") and gguf_name != POS_EMBD


# Hugging Face config flags that change the graph in ways this runner does not implement: name → supported value.
UNSUPPORTED_CONFIG = {
    "normalize_before": False,
    "add_final_layer_norm": False,
    "normalize_embedding": False,
    "layernorm_embedding": False,
    "add_bias_logits": False,
    "static_position_embeddings": True,
    "extra_pos_embeddings": None,  # checked separately: only 0/absent is allowed
}

ACTIVATIONS = ("swish", "silu", "relu", "gelu", "gelu_new")
