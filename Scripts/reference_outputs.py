"""Reference outputs from Hugging Face (the oracle the Swift runner and tokenizer are tested against), and checks that
the converter's GGUF holds exactly what Hugging Face computes with. Used by make_test_model.py.

Files written next to the model directory:
  reference-model.json      20 sentences: input ids, greedy and beam-4 outputs, teacher-forced log-probabilities
  reference-tokenizer.json  1,000 strings: MarianTokenizer ids, raw SentencePiece pieces/ids, target-side round trip
  spm-source.json, spm-target.json  the SentencePiece models as plain arrays for the Swift tokenizer's tests
"""

import json
import os

import numpy as np
import torch
from gguf import GGUFReader
from sentencepiece import sentencepiece_model_pb2
from transformers import MarianMTModel, MarianTokenizer

import marian_gguf as names
import spm_model
import test_text

TOP_K = 8
FULL_ROWS = 1  # sentences whose complete log-probability rows are stored


def check_spm_reader(directory: str) -> None:
    """spm_model's hand-written protobuf reader must agree with sentencepiece's own generated classes."""
    for side in ("source", "target"):
        path = os.path.join(directory, f"{side}.spm")
        proto = sentencepiece_model_pb2.ModelProto()
        with open(path, "rb") as handle:
            proto.ParseFromString(handle.read())
        mine = spm_model.load(path)
        assert mine.pieces == [p.piece for p in proto.pieces], side
        assert np.array_equal(np.float32(mine.scores), np.float32([p.score for p in proto.pieces])), side
        assert mine.types == [p.type for p in proto.pieces], side
        spec = proto.normalizer_spec
        assert mine.normalizer.precompiled_charsmap == spec.precompiled_charsmap, side
        assert (mine.normalizer.add_dummy_prefix, mine.normalizer.remove_extra_whitespaces,
                mine.normalizer.escape_whitespaces) == (spec.add_dummy_prefix, spec.remove_extra_whitespaces,
                                                        spec.escape_whitespaces), side
        assert mine.unk_id == proto.trainer_spec.unk_id and mine.byte_fallback == proto.trainer_spec.byte_fallback


def check_gguf(directory: str, path: str) -> None:
    """Every f32 tensor in the GGUF equals what Hugging Face computes with, positions included (bit-exact)."""
    model = MarianMTModel.from_pretrained(directory).eval()
    state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    state["model.encoder.embed_positions.weight"] = model.model.encoder.embed_positions.weight.detach().numpy()
    expected = {names.TOKEN_EMBD: state["model.shared.weight"], names.OUTPUT_BIAS: state["final_logits_bias"][0],
                names.POS_EMBD: state["model.encoder.embed_positions.weight"]}
    assert np.array_equal(state["model.decoder.embed_positions.weight"], expected[names.POS_EMBD])
    config = model.config
    for hf_name, gguf_name in names.layer_tensor_map(config.encoder_layers, config.decoder_layers).items():
        expected[gguf_name] = state[hf_name]
    tensors = {t.name: np.asarray(t.data) for t in GGUFReader(path).tensors}
    assert set(tensors) == set(expected), sorted(set(tensors) ^ set(expected))
    for name, value in expected.items():
        assert np.array_equal(tensors[name].reshape(value.shape), value), name


def dump(path: str, value) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False, separators=(",", ":"))
        handle.write("\n")


def write_spm_arrays(directory: str, out_dir: str) -> None:
    """Both models use nmt_nfkc, so one charsmap file (~240 KB) serves both and the fixtures stay small."""
    models = {side: spm_model.load(os.path.join(directory, f"{side}.spm")) for side in ("source", "target")}
    charsmap = models["source"].normalizer.precompiled_charsmap
    assert charsmap == models["target"].normalizer.precompiled_charsmap
    with open(os.path.join(out_dir, "spm-charsmap.bin"), "wb") as handle:
        handle.write(charsmap)
    for side, model in models.items():
        n = model.normalizer
        dump(os.path.join(out_dir, f"spm-{side}.json"), {
            "pieces": model.pieces, "scores": [float(s) for s in model.scores], "types": model.types,
            "precompiled_charsmap_file": "spm-charsmap.bin", "normalizer_name": n.name,
            "add_dummy_prefix": n.add_dummy_prefix, "remove_extra_whitespaces": n.remove_extra_whitespaces,
            "escape_whitespaces": n.escape_whitespaces, "treat_whitespace_as_suffix": model.treat_whitespace_as_suffix,
            "byte_fallback": model.byte_fallback, "unk_id": model.unk_id})


def tokenizer_cases(tokenizer: MarianTokenizer) -> list:
    cases = []
    for text in test_text.tokenizer_strings():
        target_ids = tokenizer(text_target=text).input_ids
        cases.append({
            "text": text, "ids": tokenizer(text).input_ids,
            "pieces": tokenizer.spm_source.encode(text, out_type=str), "spm_ids": tokenizer.spm_source.encode(text),
            "target_ids": target_ids, "decoded": tokenizer.decode(target_ids, skip_special_tokens=True)})
    return cases


def logprob_rows(model, inputs, sequence: list) -> torch.Tensor:
    """Teacher forcing on the greedy output: row t is log_softmax(logits) after decoder inputs sequence[:t+1]."""
    decoder_input_ids = torch.tensor([sequence[:-1]])
    logits = model(**inputs, decoder_input_ids=decoder_input_ids).logits[0]
    return torch.log_softmax(logits, dim=-1)


def sentence_case(model, tokenizer, text: str, index: int) -> dict:
    inputs = tokenizer([text], return_tensors="pt")
    greedy = model.generate(**inputs, num_beams=1, do_sample=False)[0].tolist()
    beam = model.generate(**inputs, num_beams=4, do_sample=False, return_dict_in_generate=True, output_scores=True)
    beam_ids = beam.sequences[0].tolist()
    rows = logprob_rows(model, inputs, greedy)
    top = torch.topk(rows, TOP_K, dim=-1)
    case = {
        "text": text, "input_ids": inputs.input_ids[0].tolist(),
        "greedy": {"ids": greedy, "text": tokenizer.decode(greedy, skip_special_tokens=True)},
        "beam4": {"ids": beam_ids, "text": tokenizer.decode(beam_ids, skip_special_tokens=True),
                  "score": float(beam.sequences_scores[0])},
        "teacher_forced": {
            "decoder_input_ids": greedy[:-1], "labels": greedy[1:],
            "label_logprobs": [float(rows[t, token]) for t, token in enumerate(greedy[1:])],
            "top_ids": top.indices.tolist(), "top_logprobs": top.values.tolist()},
        # Smallest top-1/top-2 log-probability gap along the greedy path: float summation order differs between
        # torch and ggml (~1e-6), so a gap near that could flip a choice; make-test-model keeps it above 1e-3.
        "min_top2_gap": float((top.values[:, 0] - top.values[:, 1]).min())}
    if index < FULL_ROWS:
        case["teacher_forced"]["full_logprobs"] = rows.tolist()
    return case


@torch.no_grad()
def write_all(directory: str, out_dir: str) -> None:
    tokenizer = MarianTokenizer.from_pretrained(directory)
    model = MarianMTModel.from_pretrained(directory).eval()
    generation = model.generation_config
    cases = [sentence_case(model, tokenizer, text, i) for i, text in enumerate(test_text.FIXTURE_SENTENCES)]
    for case in cases:
        if case["min_top2_gap"] < 1e-3:
            print(f"make-test-model: warning: near-tie ({case['min_top2_gap']:.2e}) in {case['text']!r}")
    dump(os.path.join(out_dir, "reference-model.json"), {
        "model": "tiny-marian", "generation": {
            "max_length": generation.max_length, "num_beams_beam": 4, "length_penalty": generation.length_penalty,
            "bad_words_ids": generation.bad_words_ids, "forced_eos_token_id": generation.forced_eos_token_id,
            "decoder_start_token_id": model.config.decoder_start_token_id, "eos_token_id": 0,
            "pad_token_id": model.config.pad_token_id},
        "sentences": cases})
    dump(os.path.join(out_dir, "reference-tokenizer.json"), {
        "eos_id": tokenizer.eos_token_id, "unk_id": tokenizer.unk_token_id, "pad_id": tokenizer.pad_token_id,
        "cases": tokenizer_cases(tokenizer)})
    write_spm_arrays(directory, out_dir)
