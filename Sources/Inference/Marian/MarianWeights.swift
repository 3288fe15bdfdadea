// The model's weight tensors, bound to the read-only memory map of the GGUF file after every tensor's name, type,
// shape and extent has been checked against the hyper-parameters. Shared by all workers; never written.
import CGGML

/// Finds a tensor the validation has already proven present.
struct TensorLookup {
    let context: OpaquePointer
    let file: MappedFile

    func callAsFunction(_ name: String) -> Tensor { ggml_get_tensor(context, name)! }

    func norm(_ stack: GGUFTensorName.Stack, _ layer: Int, _ part: GGUFTensorName.Part) -> NormWeights {
        NormWeights(
            weight: self(GGUFTensorName.block(stack, layer, part, bias: false)),
            bias: self(GGUFTensorName.block(stack, layer, part, bias: true)))
    }

    func linear(_ stack: GGUFTensorName.Stack, _ layer: Int, _ part: GGUFTensorName.Part) -> LinearWeights {
        linear(
            weight: self(GGUFTensorName.block(stack, layer, part, bias: false)),
            bias: self(GGUFTensorName.block(stack, layer, part, bias: true)))
    }

    /// Re-quantises a Q8_0 weight for the integer kernel where CKernels run, then lets the OS drop the mapped
    /// pages it read: nothing computes from them afterwards but ggml's fallback paths, which fault them back in.
    /// So a Q8_0 model stays resident about once, not twice.
    func linear(weight: Tensor, bias: Tensor) -> LinearWeights {
        guard CPUKernels.available, let integer = IntegerWeights(requantizing: weight) else {
            return LinearWeights(weight: weight, bias: bias, integer: nil)
        }
        file.release(weight.pointee.data, byteCount: ggml_nbytes(weight))
        return LinearWeights(weight: weight, bias: bias, integer: integer)
    }
}

/// `integer` is the weight re-quantised for the integer kernel: present for Q8_0 matrices where CKernels run.
struct LinearWeights { let weight: Tensor, bias: Tensor, integer: IntegerWeights? }
struct NormWeights { let weight: Tensor, bias: Tensor }
struct AttentionWeights { let q, k, v, o: LinearWeights; let norm: NormWeights }
struct FeedForwardWeights { let up, down: LinearWeights; let norm: NormWeights }
struct EncoderLayerWeights { let attention: AttentionWeights; let ffn: FeedForwardWeights }
struct DecoderLayerWeights { let attention: AttentionWeights; let cross: AttentionWeights; let ffn: FeedForwardWeights }

final class MarianWeights: @unchecked Sendable {
    // @unchecked: after init the tensors' descriptors and data are never mutated; ggml graphs only read them
    // (weights are leaves, never the destination of an op), so concurrent workers share them safely.
    let file: MappedFile
    let context: GGMLContext
    let buffer: BackendBuffer
    let tokenEmbedding: Tensor
    let decoderEmbedding: Tensor
    let positions: Tensor
    /// The projection to vocabulary logits (the decoder embedding itself when tied).
    let output: LinearWeights
    let encoder: [EncoderLayerWeights]
    let decoder: [DecoderLayerWeights]

    init(contents: GGUFContents, file: MappedFile, hyperparameters h: MarianHyperparameters) throws(ModelLoadError) {
        let hasDecoderEmbedding = contents.tensors.contains { $0.name == GGUFTensorName.decoderTokenEmbedding }
        let specs = MarianTensorLayout.specs(for: h, hasDecoderEmbedding: hasDecoderEmbedding)
        try Self.validate(contents.tensors, against: specs, fileSize: file.size)
        self.file = file
        context = contents.context
        buffer = BackendBuffer(owning: ggml_backend_cpu_buffer_from_ptr(file.base, file.size)!)
        for info in contents.tensors {
            let tensor = ggml_get_tensor(context.pointer, info.name)!
            let status = ggml_backend_tensor_alloc(buffer.pointer, tensor, file.base + info.fileOffset)
            precondition(status == GGML_STATUS_SUCCESS, "binding \(info.name) to the map failed")
        }
        let lookup = TensorLookup(context: contents.context.pointer, file: file)
        tokenEmbedding = lookup(GGUFTensorName.tokenEmbedding)
        decoderEmbedding = hasDecoderEmbedding ? lookup(GGUFTensorName.decoderTokenEmbedding) : tokenEmbedding
        positions = lookup(GGUFTensorName.positions)
        output = lookup.linear(
            weight: h.tieWordEmbeddings ? decoderEmbedding : lookup(GGUFTensorName.output),
            bias: lookup(GGUFTensorName.outputBias))
        encoder = (0..<h.encoderLayers).map { i in
            EncoderLayerWeights(
                attention: Self.attention(.encoder, i, self: .attnQ, lookup), ffn: Self.ffn(.encoder, i, lookup))
        }
        decoder = (0..<h.decoderLayers).map { i in
            DecoderLayerWeights(
                attention: Self.attention(.decoder, i, self: .attnQ, lookup),
                cross: Self.attention(.decoder, i, self: .crossQ, lookup), ffn: Self.ffn(.decoder, i, lookup))
        }
    }

    private static func validate(_ tensors: [GGUFTensorInfo], against specs: [TensorSpec], fileSize: Int)
        throws(ModelLoadError)
    {
        let found = Dictionary(tensors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let expected = Set(specs.map(\.name))
        if let stray = tensors.first(where: { !expected.contains($0.name) }) { throw .unexpectedTensor(stray.name) }
        for spec in specs {
            guard let info = found[spec.name] else { throw .missingTensor(spec.name) }
            guard spec.allowedTypes.contains(info.type) else {
                throw .wrongTensorType(
                    tensor: spec.name, found: String(cString: ggml_type_name(info.type)),
                    allowed: spec.allowedTypes.map { String(cString: ggml_type_name($0)) })
            }
            guard info.shape == spec.shape else {
                throw .wrongTensorShape(tensor: spec.name, found: info.shape, expected: spec.shape)
            }
            guard info.fileOffset + info.byteCount <= fileSize else {
                throw .truncated(tensor: spec.name, needsBytes: info.fileOffset + info.byteCount, fileBytes: fileSize)
            }
        }
    }

    private static func attention(
        _ stack: GGUFTensorName.Stack, _ layer: Int, self first: GGUFTensorName.Part, _ lookup: TensorLookup
    ) -> AttentionWeights {
        let parts: [GGUFTensorName.Part] =
            first == .attnQ ? [.attnQ, .attnK, .attnV, .attnO, .attnNorm] : [.crossQ, .crossK, .crossV, .crossO, .crossNorm]
        let linear = { (part: GGUFTensorName.Part) in lookup.linear(stack, layer, part) }
        return AttentionWeights(
            q: linear(parts[0]), k: linear(parts[1]), v: linear(parts[2]), o: linear(parts[3]),
            norm: lookup.norm(stack, layer, parts[4]))
    }

    private static func ffn(_ stack: GGUFTensorName.Stack, _ layer: Int, _ lookup: TensorLookup) -> FeedForwardWeights {
        FeedForwardWeights(
            up: lookup.linear(stack, layer, .ffnUp), down: lookup.linear(stack, layer, .ffnDown),
            norm: lookup.norm(stack, layer, .ffnNorm))
    }
}
