"""Builds a random-weight Marian model in the Hugging Face layout, converts it to GGUF and writes reference outputs
from Hugging Face's MarianTokenizer / MarianMTModel (see Scripts/make-test-model for usage).

tiny: d_model 64, 2+2 layers, 4 heads, FFN 128, vocab ~800; a few MB of fixtures, committed, minutes on 2 cores.
opus: d_model 512, 6+6 layers, 8 heads, FFN 2048, vocab 58101 (the small SentencePiece models plus synthetic
vocabulary entries, which the decoder can emit but the encoder never sees); for benchmarks, not committed.
"""

import argparse
import io
import json
import os
import subprocess
import sys

import sentencepiece
import torch
from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import reference_outputs  # noqa: E402
import spm_model  # noqa: E402
import test_text  # noqa: E402

SIZES = {
    "tiny": dict(d_model=64, layers=2, heads=4, ffn=128, vocab=None, positions=256, max_length=40),
    "opus": dict(d_model=512, layers=6, heads=8, ffn=2048, vocab=58101, positions=512, max_length=512),
}
SPM_VOCAB = 500
SEED = 20261123


def train_spm(lines: list, path: str) -> None:
    buffer = io.BytesIO()
    # Marian's spm_train defaults for OPUS-MT: unigram, nmt_nfkc, <unk>=0 <s>=1 </s>=2, no byte fallback.
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_writer=buffer, vocab_size=SPM_VOCAB, model_type="unigram",
        normalization_rule_name="nmt_nfkc", character_coverage=1.0, num_threads=1, minloglevel=2)
    with open(path, "wb") as handle:
        handle.write(buffer.getvalue())


def build_vocab(directory: str, size: int | None) -> dict:
    """OPUS-MT's vocab.json: </s>=0, <unk>=1, then both models' pieces, <pad> last (CTranslate2 requires that)."""
    tokens = ["</s>", "<unk>"]
    seen = set(tokens) | {"<s>"}
    for side in ("source", "target"):
        for piece in spm_model.load(os.path.join(directory, f"{side}.spm")).pieces:
            if piece not in seen:
                seen.add(piece)
                tokens.append(piece)
    if size is not None:
        tokens += [f"▁synthetic{i}" for i in range(size - 1 - len(tokens))]
    tokens.append("<pad>")
    vocab = {token: index for index, token in enumerate(tokens)}
    with open(os.path.join(directory, "vocab.json"), "w", encoding="utf-8") as handle:
        json.dump(vocab, handle, ensure_ascii=False, indent=0)
    return vocab


def marian_config(size: dict, vocab_size: int) -> MarianConfig:
    pad = vocab_size - 1
    return MarianConfig(
        vocab_size=vocab_size, decoder_vocab_size=vocab_size, d_model=size["d_model"],
        encoder_layers=size["layers"], decoder_layers=size["layers"], encoder_attention_heads=size["heads"],
        decoder_attention_heads=size["heads"], encoder_ffn_dim=size["ffn"], decoder_ffn_dim=size["ffn"],
        activation_function="swish", max_position_embeddings=size["positions"], scale_embedding=True,
        pad_token_id=pad, eos_token_id=0, decoder_start_token_id=pad, forced_eos_token_id=0,
        tie_word_embeddings=True, share_encoder_decoder_embeddings=True, dropout=0.1,
        _name_or_path="dragoman/opus-mt-en-es-random")


@torch.no_grad()
def randomize(model: MarianMTModel, vocab: dict) -> None:
    """Weights larger than Hugging Face's init (std 0.02), so logits are spread (std ~3) and greedy/beam choices are
    not near-ties that float rounding could flip; LayerNorm gains and biases non-trivial so a missed one shows."""
    generator = torch.Generator().manual_seed(SEED)
    for name, parameter in model.named_parameters():
        if "embed_positions" in name:
            continue
        if parameter.ndim == 2:
            parameter.copy_(torch.randn(parameter.shape, generator=generator) / parameter.shape[1] ** 0.5)
        elif "layer_norm" in name and name.endswith("weight"):
            parameter.copy_(1 + 0.2 * torch.randn(parameter.shape, generator=generator))
        else:
            parameter.copy_(0.1 * torch.randn(parameter.shape, generator=generator))
    # A random decoder's state is dominated by the embedding of the token it just read, so it tends to repeat that
    # token; stronger cross-attention and FFN outputs make the output depend more on the source and position.
    for layer in model.model.decoder.layers:
        layer.fc2.weight.mul_(6.0)
        layer.encoder_attn.out_proj.weight.mul_(6.0)
    # Sharper output distribution: scale the decoder's last LayerNorm gain.
    model.model.decoder.layers[-1].final_layer_norm.weight.mul_(3.0)
    bias = torch.randn(model.final_logits_bias.shape, generator=generator)
    # EOS likely enough that outputs end at varied lengths (measured: 2 to 40 tokens on the fixture sentences).
    bias[0, vocab["</s>"]] += 5.0
    model.final_logits_bias.copy_(bias)


def save_hf(directory: str, size: dict, vocab: dict) -> None:
    config = marian_config(size, len(vocab))
    torch.manual_seed(SEED)
    model = MarianMTModel(config).eval()
    randomize(model, vocab)
    pad = len(vocab) - 1
    model.generation_config = GenerationConfig(
        bad_words_ids=[[pad]], decoder_start_token_id=pad, eos_token_id=0, forced_eos_token_id=0, pad_token_id=pad,
        max_length=size["max_length"], num_beams=4, length_penalty=1.0)
    model.save_pretrained(directory)
    with open(os.path.join(directory, "tokenizer_config.json"), "w") as handle:
        json.dump({"source_lang": "en", "target_lang": "es", "model_max_length": 512, "separate_vocabs": False,
                   "tokenizer_class": "MarianTokenizer"}, handle, indent=2)


def convert(directory: str, output_stem: str) -> list:
    outputs = []
    for kind in ("f32", "f16", "q8_0"):
        path = f"{output_stem}-{kind}.gguf"
        subprocess.run([sys.executable, os.path.join(HERE, "convert-marian"), directory, path, "--type", kind],
                       check=True)
        outputs.append(path)
    return outputs


def main() -> None:
    parser = argparse.ArgumentParser(description="Make the random-weight Marian test model and its references.")
    parser.add_argument("--size", choices=sorted(SIZES), default="tiny")
    args = parser.parse_args()
    size = SIZES[args.size]
    if args.size == "tiny":
        fixtures = os.path.join(ROOT, "Tests", "InferenceTests", "Fixtures")
        directory, stem = os.path.join(fixtures, "tiny-marian"), os.path.join(fixtures, "tiny-marian")
    else:
        directory = os.path.join(ROOT, ".build-models", "opus-random-en-es")
        stem = os.path.join(ROOT, "models", "opus-random-en-es")
        os.makedirs(os.path.dirname(stem), exist_ok=True)
    os.makedirs(directory, exist_ok=True)
    train_spm(test_text.corpus(1, test_text.ENGLISH, 3000), os.path.join(directory, "source.spm"))
    train_spm(test_text.corpus(2, test_text.SPANISH, 3000), os.path.join(directory, "target.spm"))
    reference_outputs.check_spm_reader(directory)
    vocab = build_vocab(directory, size["vocab"])
    save_hf(directory, size, vocab)
    ggufs = convert(directory, stem)
    reference_outputs.check_gguf(directory, ggufs[0])
    if args.size == "tiny":
        reference_outputs.write_all(directory, os.path.dirname(directory))
    print(f"make-test-model: {args.size} model in {directory}; GGUF: {', '.join(ggufs)}")


if __name__ == "__main__":
    main()
