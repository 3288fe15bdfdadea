"""Reads a SentencePiece ModelProto (.spm) without the protobuf package.

convert-marian needs only the pieces, scores, types, the trainer's unk id / byte_fallback / model type and the
normalizer spec. The wire format is small (varints, length-delimited fields), and reading it directly keeps the
converter's dependencies to numpy, safetensors, sentencepiece and gguf. make-test-model checks this reader against
sentencepiece's own sentencepiece_model_pb2 on every model it trains.
Field numbers: sentencepiece/src/sentencepiece_model.proto.
"""

import struct
from dataclasses import dataclass, field

# ModelProto.SentencePiece.Type
NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE = 1, 2, 3, 4, 5, 6
MODEL_TYPES = {1: "unigram", 2: "bpe", 3: "word", 4: "char"}


@dataclass
class Normalizer:
    name: str = ""
    precompiled_charsmap: bytes = b""
    add_dummy_prefix: bool = True
    remove_extra_whitespaces: bool = True
    escape_whitespaces: bool = True
    normalization_rule_tsv: str = ""


@dataclass
class SentencePieceModel:
    pieces: list = field(default_factory=list)
    scores: list = field(default_factory=list)
    types: list = field(default_factory=list)
    model_type: str = "unigram"
    byte_fallback: bool = False
    treat_whitespace_as_suffix: bool = False
    unk_id: int = 0
    normalizer: Normalizer = field(default_factory=Normalizer)
    denormalizer: Normalizer = field(default_factory=Normalizer)


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def _fields(data: bytes):
    """Yields (field number, wire type, value): ints for varints, bytes for length-delimited and fixed fields."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 1:
            value, pos = data[pos:pos + 8], pos + 8
        elif wire == 2:
            length, pos = _varint(data, pos)
            value, pos = data[pos:pos + length], pos + length
        elif wire == 5:
            value, pos = data[pos:pos + 4], pos + 4
        else:
            raise ValueError(f"sentencepiece model: unsupported protobuf wire type {wire} at byte {pos}")
        yield number, wire, value


def _signed32(value: int) -> int:
    value &= 0xFFFFFFFFFFFFFFFF
    return value - (1 << 64) if value >= 1 << 63 else value


def _piece(data: bytes) -> tuple[str, float, int]:
    piece, score, kind = "", 0.0, NORMAL
    for number, _, value in _fields(data):
        if number == 1:
            piece = value.decode("utf-8")
        elif number == 2:
            score = struct.unpack("<f", value)[0]
        elif number == 3:
            kind = value
    return piece, score, kind


def _normalizer(data: bytes) -> Normalizer:
    spec = Normalizer()
    for number, _, value in _fields(data):
        if number == 1:
            spec.name = value.decode("utf-8")
        elif number == 2:
            spec.precompiled_charsmap = bytes(value)
        elif number == 3:
            spec.add_dummy_prefix = bool(value)
        elif number == 4:
            spec.remove_extra_whitespaces = bool(value)
        elif number == 5:
            spec.escape_whitespaces = bool(value)
        elif number == 6:
            spec.normalization_rule_tsv = value.decode("utf-8")
    return spec


def _trainer(model: SentencePieceModel, data: bytes) -> None:
    for number, _, value in _fields(data):
        if number == 3:
            model.model_type = MODEL_TYPES.get(value, f"type {value}")
        elif number == 24:
            model.treat_whitespace_as_suffix = bool(value)
        elif number == 35:
            model.byte_fallback = bool(value)
        elif number == 40:
            model.unk_id = _signed32(value)


def parse(data: bytes) -> SentencePieceModel:
    model = SentencePieceModel()
    for number, _, value in _fields(data):
        if number == 1:
            piece, score, kind = _piece(value)
            model.pieces.append(piece)
            model.scores.append(score)
            model.types.append(kind)
        elif number == 2:
            _trainer(model, value)
        elif number == 3:
            model.normalizer = _normalizer(value)
        elif number == 5:
            model.denormalizer = _normalizer(value)
    return model


def load(path: str) -> SentencePieceModel:
    with open(path, "rb") as handle:
        return parse(handle.read())
