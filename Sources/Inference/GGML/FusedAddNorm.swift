// The custom op for CKernels' add-and-layer-norm (see AddNorm.h): one graph node in place of ggml's four.
import CGGML
import CKernels

enum FusedAddNorm {
    /// LayerNorm(residual + sublayer) · weight + bias (epsilon: Marian's, `GraphBuilder.layerNormEpsilon`), for
    /// [d, N] f32 inputs with contiguous columns and d a multiple of 8; nil for anything else.
    static func node(_ ctx: OpaquePointer, residual: Tensor, sublayer: Tensor, weight: Tensor, bias: Tensor) -> Tensor? {
        let (a, b) = (residual.pointee, sublayer.pointee)
        let float = MemoryLayout<Float>.size
        guard CPUKernels.available, [a.type, b.type, weight.pointee.type, bias.pointee.type].allSatisfy({ $0 == GGML_TYPE_F32 }),
              a.ne.0 % 8 == 0, a.ne.0 == b.ne.0, a.ne.1 == b.ne.1, a.ne.2 == 1, a.ne.3 == 1, b.ne.2 == 1, b.ne.3 == 1,
              a.nb.0 == float, b.nb.0 == float, ggml_is_contiguous(weight), ggml_is_contiguous(bias),
              ggml_nelements(weight) == a.ne.0, ggml_nelements(bias) == a.ne.0
        else { return nil }
        var arguments: [Tensor?] = [residual, sublayer, weight, bias]
        return arguments.withUnsafeMutableBufferPointer { sources in
            ggml_custom_4d(ctx, GGML_TYPE_F32, a.ne.0, a.ne.1, 1, 1, sources.baseAddress, 4,
                           { output, part, parts, _ in FusedAddNorm.compute(output, part, parts) }, GGML_N_TASKS_MAX, nil)
        }
    }

    private static func compute(_ output: Tensor?, _ part: Int32, _ parts: Int32) {
        guard let output, let a = output.pointee.src.0, let b = output.pointee.src.1, let weight = output.pointee.src.2,
              let bias = output.pointee.src.3
        else { preconditionFailure("add-norm node without its sources") }
        var problem = dragoman_add_norm_problem(
            residual: a.pointee.data.assumingMemoryBound(to: Float.self), residual_stride: a.pointee.nb.1,
            sublayer: b.pointee.data.assumingMemoryBound(to: Float.self), sublayer_stride: b.pointee.nb.1,
            weight: weight.pointee.data.assumingMemoryBound(to: Float.self),
            bias: bias.pointee.data.assumingMemoryBound(to: Float.self),
            output: output.pointee.data.assumingMemoryBound(to: Float.self), output_stride: output.pointee.nb.1,
            width: a.pointee.ne.0, columns: a.pointee.ne.1, epsilon: GraphBuilder.layerNormEpsilon)
        dragoman_add_norm(&problem, part, parts)
    }
}
