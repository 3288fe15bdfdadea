// Shared pieces for the Marian engine tests: the tiny fixture model from InferenceTests, served from a temporary
// models directory, and a whole-word codec over the model's vocabulary (the engine's plumbing is under test
// here; tokenizer exactness is TokenizerTests' job).
import Foundation
import Inference
import TestSupport

enum MarianFixture {
    static let modelPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("InferenceTests/Fixtures/tiny-marian-f32.gguf").path

    /// A models directory holding the fixture model (copied, so its mtime and size make the version).
    static func modelsDirectory() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory("marian-models")
        try FileManager.default.copyItem(atPath: modelPath, toPath: directory.file("tiny-en-es.gguf"))
        return directory
    }
}

/// "▁word" pieces looked up whole, unknown words → unk; decoding joins pieces and turns "▁" into spaces.
struct WholeWordCodec: TextCodec {
    let ids: [String: Int32]
    let pieces: [String]
    let unk: Int32
    let eos: Int32
    let special: Set<Int32>

    init(model: MarianModel) {
        pieces = model.metadata.strings(GGUFKey.vocabulary) ?? []
        ids = Dictionary(pieces.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        let h = model.hyperparameters
        (unk, eos, special) = (Int32(h.unkID), Int32(h.eosID), [Int32(h.eosID), Int32(h.padID), Int32(h.unkID)])
    }

    func encode(_ text: String) -> [Int32] {
        text.split(whereSeparator: \.isWhitespace).map { ids["▁" + $0] ?? unk } + [eos]
    }

    func decode(_ ids: [Int32]) -> String {
        ids.filter { !special.contains($0) }.map { pieces[Int($0)] }.joined()
            .replacingOccurrences(of: "▁", with: " ").trimmingCharacters(in: .whitespaces)
    }
}
