// Test fixtures written by Scripts/make-test-model: the tiny random Marian model as GGUF (f32, f16, q8_0) and
// Hugging Face's outputs for it (reference-model.json), decoded into Swift values.
import Foundation
import Inference

enum Fixtures {
    static var directory: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }

    static func model(_ kind: String) -> String { directory.appendingPathComponent("tiny-marian-\(kind).gguf").path }

    static let reference: ReferenceModel = {
        let data = try! Data(contentsOf: directory.appendingPathComponent("reference-model.json"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try! decoder.decode(ReferenceModel.self, from: data)
    }()

    /// One model per weight type, loaded once for the whole test run (as the engine does).
    static let f32 = try! MarianModel(path: model("f32"))
}

struct ReferenceModel: Decodable {
    struct Generation: Decodable {
        let maxLength: Int
        let numBeamsBeam: Int
        let lengthPenalty: Double
    }

    struct Output: Decodable {
        let ids: [Int32]
        let text: String
    }

    struct TeacherForced: Decodable {
        let decoderInputIds: [Int32]
        let labels: [Int32]
        let labelLogprobs: [Double]
        let topIds: [[Int]]
        let topLogprobs: [[Double]]
        let fullLogprobs: [[Double]]?
    }

    struct Sentence: Decodable {
        let text: String
        let inputIds: [Int32]
        let greedy: Output
        let beam4: Output
        let teacherForced: TeacherForced
    }

    let generation: Generation
    let sentences: [Sentence]
}

extension ReferenceModel.Output {
    /// Hugging Face's ids without the decoder start token and the final EOS, as search returns them.
    func generated(eos: Int32) -> [Int32] {
        let body = ids.dropFirst()
        return Array(body.last == eos ? body.dropLast() : body)
    }
}
