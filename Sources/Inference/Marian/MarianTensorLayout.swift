// The tensors a Marian model must hold, with the shape (ggml order: ne0 = input features) and types each may
// have, derived from the hyper-parameters. Loading checks the file against this list, tensor by tensor.
import CGGML

struct TensorSpec: Sendable {
    let name: String
    let shape: [Int]
    /// Matrix weights may be quantised; biases, norms and positions stay f32 (ggml adds them in f32).
    let isMatrix: Bool

    var allowedTypes: [ggml_type] { isMatrix ? [GGML_TYPE_F32, GGML_TYPE_F16, GGML_TYPE_Q8_0] : [GGML_TYPE_F32] }
}

enum MarianTensorLayout {
    static func specs(for h: MarianHyperparameters, hasDecoderEmbedding: Bool) -> [TensorSpec] {
        let d = h.dModel
        var specs = [
            TensorSpec(name: GGUFTensorName.tokenEmbedding, shape: [d, h.vocabSize], isMatrix: true),
            TensorSpec(name: GGUFTensorName.positions, shape: [d, h.maxPositions], isMatrix: false),
            TensorSpec(name: GGUFTensorName.outputBias, shape: [h.vocabSize], isMatrix: false),
        ]
        if hasDecoderEmbedding {
            specs.append(TensorSpec(name: GGUFTensorName.decoderTokenEmbedding, shape: [d, h.vocabSize], isMatrix: true))
        }
        if !h.tieWordEmbeddings {
            specs.append(TensorSpec(name: GGUFTensorName.output, shape: [d, h.vocabSize], isMatrix: true))
        }
        for layer in 0..<h.encoderLayers { specs += blockSpecs(.encoder, layer, d: d, ffn: h.encoderFFN) }
        for layer in 0..<h.decoderLayers { specs += blockSpecs(.decoder, layer, d: d, ffn: h.decoderFFN) }
        return specs
    }

    private static func blockSpecs(_ stack: GGUFTensorName.Stack, _ layer: Int, d: Int, ffn: Int) -> [TensorSpec] {
        GGUFTensorName.Part.allCases.filter { stack == .decoder || !$0.isCross }.flatMap { part -> [TensorSpec] in
            let (weight, bias): ([Int], [Int]) = switch part {
            case .attnNorm, .crossNorm, .ffnNorm: ([d], [d])
            case .ffnUp: ([d, ffn], [ffn])
            case .ffnDown: ([ffn, d], [d])
            default: ([d, d], [d])
            }
            return [
                TensorSpec(name: GGUFTensorName.block(stack, layer, part, bias: false), shape: weight, isMatrix: !part.isNorm),
                TensorSpec(name: GGUFTensorName.block(stack, layer, part, bias: true), shape: bias, isMatrix: false),
            ]
        }
    }
}
