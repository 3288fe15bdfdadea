"""Reads a Hugging Face Marian (OPUS-MT) model directory for convert-marian: config checks, weights, sinusoidal
positions, languages, generation defaults, vocabulary. The only code that knows Hugging Face's layout; anything it
cannot represent faithfully raises Refusal with the setting and the reason.
"""

import json
import os
import re

import numpy as np

import marian_gguf as names

class Refusal(Exception):
    """A model this runner cannot serve faithfully; the message says which setting and why."""


def read_json(directory: str, name: str, required: bool = True) -> dict:
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        if required:
            raise Refusal(f"{path} is missing (a Hugging Face Marian model directory has it)")
        return {}
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def load_weights(directory: str) -> dict:
    safetensors_path = os.path.join(directory, "model.safetensors")
    if os.path.exists(safetensors_path):
        from safetensors.numpy import load_file
        try:
            return load_file(safetensors_path)
        except Exception as error:  # safetensors raises its own and OS errors; all mean "cannot read this file"
            raise Refusal(f"cannot read {safetensors_path}: {error}") from None
    bin_path = os.path.join(directory, "pytorch_model.bin")
    if not os.path.exists(bin_path):
        raise Refusal(f"{directory} has neither model.safetensors nor pytorch_model.bin")
    try:
        import torch
    except ImportError:
        raise Refusal("only pytorch_model.bin is present and torch is not installed: install torch "
                      "(Scripts/make-test-model does) or convert the checkpoint to model.safetensors") from None
    try:
        # weights_only: a checkpoint is data; never run the pickle's code.
        state = torch.load(bin_path, map_location="cpu", weights_only=True)
    except Exception as error:
        raise Refusal(f"cannot read {bin_path} as a weights-only torch checkpoint: {str(error).splitlines()[0]}") from None
    return {key: value.float().numpy() for key, value in state.items()}


def check_config(config: dict) -> None:
    if config.get("model_type") not in ("marian", None):
        raise Refusal(f"model_type is {config.get('model_type')!r}, not 'marian'")
    for key, supported in names.UNSUPPORTED_CONFIG.items():
        if key == "extra_pos_embeddings":
            if config.get(key, 0) not in (0, None):
                raise Refusal(f"{key}={config[key]} (learned/offset positions) is not supported")
        elif key in config and bool(config[key]) != supported:
            raise Refusal(f"config {key}={config[key]} is not supported: the runner implements Marian's "
                          f"post-norm blocks with sinusoidal positions ({key}={supported})")
    activation = config.get("activation_function", "gelu")
    if activation not in names.ACTIVATIONS:
        raise Refusal(f"activation_function {activation!r} is not one of {', '.join(names.ACTIVATIONS)}")
    if config.get("decoder_vocab_size") not in (None, config["vocab_size"]):
        raise Refusal("separate decoder vocabulary (decoder_vocab_size != vocab_size) is not supported")
    if config["d_model"] % config["encoder_attention_heads"] or config["d_model"] % config["decoder_attention_heads"]:
        raise Refusal("d_model is not divisible by the number of attention heads")


def sinusoidal_positions(count: int, dim: int) -> np.ndarray:
    """The table transformers' MarianSinusoidalPositionalEmbedding.create_weight builds: float64, sin of the even
    columns in the first half, cos of the odd ones in the second half, then float32. Same expression, same bits."""
    position_enc = np.array([[pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)] for pos in range(count)])
    out = np.empty((count, dim), dtype=np.float32)
    sentinel = dim // 2 if dim % 2 == 0 else dim // 2 + 1
    out[:, 0:sentinel] = np.sin(position_enc[:, 0::2]).astype(np.float32)
    out[:, sentinel:] = np.cos(position_enc[:, 1::2]).astype(np.float32)
    return out


def positions(weights: dict, config: dict) -> np.ndarray:
    table = sinusoidal_positions(config["max_position_embeddings"], config["d_model"])
    # Hugging Face does not save the tables (_keys_to_ignore_on_save); older checkpoints do. Both must be the
    # sinusoid, and the decoder must use the same table as the encoder: the runner has one pos_embd.
    for side in ("encoder", "decoder"):
        stored = weights.get(f"model.{side}.embed_positions.weight")
        if stored is not None and (stored.shape != table.shape or np.abs(stored - table).max() > 1e-4):
            raise Refusal(f"model.{side}.embed_positions.weight is not the sinusoidal table (learned positions "
                          "are not supported)")
    return table


def embeddings(weights: dict, config: dict) -> list:
    """[(gguf name, array)] for token embeddings and the output projection."""
    shared = weights.get("model.shared.weight", weights.get("model.encoder.embed_tokens.weight"))
    if shared is None:
        raise Refusal("no model.shared.weight (nor model.encoder.embed_tokens.weight) in the checkpoint")
    out = [(names.TOKEN_EMBD, shared)]
    decoder = weights.get("model.decoder.embed_tokens.weight")
    shared_decoder = decoder is None or np.array_equal(decoder, shared)
    if not shared_decoder:
        out.append((names.DEC_TOKEN_EMBD, decoder))
    tied = config.get("tie_word_embeddings", True)
    head = weights.get("lm_head.weight")
    if not tied:
        if head is None:
            raise Refusal("tie_word_embeddings is false but lm_head.weight is missing")
        out.append((names.OUTPUT, head))
    elif head is not None and not np.array_equal(head, decoder if not shared_decoder else shared):
        raise Refusal("tie_word_embeddings is true but lm_head.weight differs from the decoder embeddings")
    bias = weights.get("final_logits_bias")
    bias = np.zeros(shared.shape[0], dtype=np.float32) if bias is None else bias.reshape(-1)
    out.append((names.OUTPUT_BIAS, bias))
    return out


def all_tensors(weights: dict, config: dict) -> list:
    tensors = embeddings(weights, config) + [(names.POS_EMBD, positions(weights, config))]
    for hf_name, gguf_name in names.layer_tensor_map(config["encoder_layers"], config["decoder_layers"]).items():
        if hf_name not in weights:
            raise Refusal(f"tensor {hf_name} is missing from the checkpoint")
        tensors.append((gguf_name, weights[hf_name]))
    return tensors


LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")


def languages(source, target, config: dict, tokenizer_config: dict, directory: str) -> tuple:
    """CLI flags, then tokenizer_config.json, then the "opus-mt-SRC-TGT" model or directory name."""
    source, target = source or tokenizer_config.get("source_lang"), target or tokenizer_config.get("target_lang")
    if not (source and target):
        # Hugging Face names OPUS-MT models "Helsinki-NLP/opus-mt-SRC-TGT".
        for candidate in (config.get("_name_or_path", ""), os.path.basename(os.path.normpath(directory))):
            match = re.search(r"opus-mt-([a-z]{2})-([a-z]{2})$", candidate)
            if match:
                source, target = source or match.group(1), target or match.group(2)
                break
    for role, code in (("source", source), ("target", target)):
        if not code or not LANGUAGE_CODE.match(code):
            raise Refusal(f"cannot tell the {role} language as an ISO 639-1 code (found {code!r}); "
                          f"pass --source XX --target YY")
    return source, target


def generation_settings(config: dict, generation: dict) -> dict:
    """Generation defaults as Hugging Face resolves them: generation_config.json, then config.json, then defaults."""
    def pick(key, default):
        return generation.get(key, config.get(key, default))
    pad = config["pad_token_id"]
    bad = pick("bad_words_ids", [[pad]]) or []
    if any(len(sequence) != 1 for sequence in bad):
        raise Refusal(f"bad_words_ids {bad} has multi-token sequences; only single-token bans are supported")
    forced = pick("forced_eos_token_id", None)
    return {
        "num_beams": int(pick("num_beams", 1)), "max_length": int(pick("max_length", 20)),
        "length_penalty": float(pick("length_penalty", 1.0)), "bad_words_ids": [s[0] for s in bad],
        "forced_eos_token_id": -1 if forced is None else int(forced),
        "renormalize_logits": bool(pick("renormalize_logits", False)),
        "decoder_start_token_id": int(pick("decoder_start_token_id", pad)),
    }


def vocabulary(directory: str, config: dict) -> list:
    vocab = read_json(directory, "vocab.json")
    by_id = {index: token for token, index in vocab.items()}
    if sorted(by_id) != list(range(len(by_id))) or len(by_id) != config["vocab_size"]:
        raise Refusal(f"vocab.json has {len(vocab)} tokens with ids that are not exactly 0..vocab_size-1 "
                      f"(vocab_size {config['vocab_size']})")
    return [by_id[index] for index in range(len(by_id))]
