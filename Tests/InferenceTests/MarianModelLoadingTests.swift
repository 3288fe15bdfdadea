// Loading the fixture model, and fault injection on copies of it: a truncated file, a tensor with the wrong
// shape (dimensions swapped in the header), a file that is not GGUF. Every error must name what is wrong.
import Foundation
@testable import Inference
import Testing

@Suite struct MarianModelLoadingTests {
    func scratchCopy(_ edit: (inout Data) -> Void) throws -> String {
        var data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.model("f32")))
        edit(&data)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("marian-\(UUID().uuidString).gguf").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func loadsHyperparametersFromMetadata() {
        let h = Fixtures.f32.hyperparameters
        #expect(h.sourceLanguage == "en" && h.targetLanguage == "es")
        #expect(h.padID == h.vocabSize - 1 && h.decoderStartID == h.padID)
        #expect(h.badWordsIDs == [h.padID])
        #expect(h.dModel % h.encoderHeads == 0)
    }

    @Test(.enabled(if: CPUKernels.available, "CKernels need AVX2, FMA and F16C"))
    func q8ModelMatricesAreRequantisedForTheIntegerKernel() throws {
        let weights = try MarianModel(path: Fixtures.model("q8_0")).weights
        let layers = weights.encoder.flatMap { [$0.attention.q, $0.attention.k, $0.attention.v, $0.attention.o, $0.ffn.up, $0.ffn.down] }
            + weights.decoder.flatMap { [$0.attention.q, $0.cross.v, $0.ffn.down] } + [weights.output]
        #expect(layers.allSatisfy { $0.integer != nil })
        #expect(Fixtures.f32.weights.output.integer == nil)
    }

    @Test func missingFileIsCannotOpen() {
        #expect(throws: ModelLoadError.cannotOpen(path: "/nonexistent/model.gguf", errno: ENOENT)) {
            try MarianModel(path: "/nonexistent/model.gguf")
        }
    }

    @Test func notGGUFIsRefused() throws {
        let path = try scratchCopy { $0 = Data("not a model at all".utf8) }
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ModelLoadError.notGGUF(path: path)) { try MarianModel(path: path) }
    }

    @Test func truncatedFileNamesTheTensor() throws {
        let path = try scratchCopy { $0 = $0.prefix($0.count / 2) }
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try MarianModel(path: path)
            Issue.record("a truncated model loaded")
        } catch {
            guard case .truncated(let tensor, _, _) = error else { Issue.record("\(error)"); return }
            #expect(!tensor.isEmpty)
            #expect(error.description.contains(tensor))
        }
    }

    @Test func wrongShapeNamesTheTensor() throws {
        let name = "enc.blk.0.ffn_up.weight"
        let path = try scratchCopy { swapFirstTwoDimensions(of: name, in: &$0) }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let h = Fixtures.f32.hyperparameters
        #expect(throws: ModelLoadError.wrongTensorShape(tensor: name, found: [h.encoderFFN, h.dModel],
                                                        expected: [h.dModel, h.encoderFFN])) {
            try MarianModel(path: path)
        }
    }

    /// GGUF tensor info: name (u64 length + bytes), n_dims (u32), ne (i64 × n_dims), type (u32), offset (u64).
    /// Swapping ne0 and ne1 keeps the byte size, so gguf.h accepts the file and only shape validation can object.
    func swapFirstTwoDimensions(of name: String, in data: inout Data) {
        var needle = withUnsafeBytes(of: UInt64(name.utf8.count).littleEndian) { Data($0) }
        needle.append(Data(name.utf8))
        guard let range = data.range(of: needle, options: .backwards) else { Issue.record("no \(name)"); return }
        let ne0 = range.upperBound + 4
        let first = data.subdata(in: ne0..<ne0 + 8)
        let second = data.subdata(in: ne0 + 8..<ne0 + 16)
        data.replaceSubrange(ne0..<ne0 + 8, with: second)
        data.replaceSubrange(ne0 + 8..<ne0 + 16, with: first)
    }
}
