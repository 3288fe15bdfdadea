// Shared pieces for the Marian engine tests: the tiny fixture model and Hugging Face's outputs for it, from
// InferenceTests' fixtures, served from a temporary models directory.
import Foundation
import Inference
import TestSupport

enum MarianFixture {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("InferenceTests/Fixtures")
    static let modelPath = fixtures.appendingPathComponent("tiny-marian-f32.gguf").path

    /// A models directory holding the fixture model (copied, so its mtime and size make the version).
    static func modelsDirectory() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory("marian-models")
        try FileManager.default.copyItem(atPath: modelPath, toPath: directory.file("tiny-en-es.gguf"))
        return directory
    }

    struct Sentence: Decodable {
        struct Output: Decodable { let text: String }
        let text: String
        let greedy: Output
        let beam4: Output
    }

    struct Reference: Decodable { let sentences: [Sentence] }

    static func reference() throws -> [Sentence] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("reference-model.json"))
        return try JSONDecoder().decode(Reference.self, from: data).sentences
    }
}
