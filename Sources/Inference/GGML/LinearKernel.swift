// Which code computes the Marian graphs' linear layers (W·x + b), and with them attention and layer norm. ggml's
// mul_mat in the libggml-python wheel does one dot product at a time (measured: 80% of a decode in
// ggml_vec_dot_f32); CKernels' kernels run as ggml custom ops on ggml's own thread pool, so graphs, allocation and
// threading stay ggml's.
import CGGML
import CKernels

public enum LinearKernel: String, Sendable, CaseIterable {
    /// ggml's own ops only: mul_mat then add, and attention and layer norm from ggml's primitives.
    case ggml
    /// CKernels' register-tiled kernel with the bias fused in (F16 and Q8_0 rows unpacked to f32), and CKernels'
    /// fused attention and add-and-layer-norm.
    case tiled
    /// As `tiled`, but Q8_0 layers run as int8 × int8 dot products on weights re-quantised per row at load
    /// (`IntegerWeights`); other layers run tiled.
    case integer

    /// `integer` where the CPU has AVX2, FMA and F16C; otherwise `ggml`.
    public static let preferred: LinearKernel = CPUKernels.available ? .integer : .ggml
}

/// The custom-op side of the tiled f32 kernel: which tensors it accepts and the callback ggml's threads run.
enum TiledLinear {
    /// y = weight·x + bias as one custom node, or nil when the kernel does not take these tensors (the caller
    /// then builds ggml's mul_mat): 2-D weights in F32/F16/Q8_0, f32 x with contiguous columns, f32 bias.
    /// `isa` is CPUKernels.isa but in tests; it rides in the op's userdata as a small integer, never dereferenced.
    static func node(_ ctx: OpaquePointer, weight: Tensor, x: Tensor, bias: Tensor, isa: dragoman_isa = CPUKernels.isa)
        -> Tensor?
    {
        let (w, input) = (weight.pointee, x.pointee)
        guard format(w.type) != nil, w.ne.2 == 1, w.ne.3 == 1, w.ne.0 % (w.type == GGML_TYPE_Q8_0 ? 32 : 8) == 0,
              input.type == GGML_TYPE_F32, input.ne.0 == w.ne.0, input.ne.2 == 1, input.ne.3 == 1,
              input.nb.0 == MemoryLayout<Float>.size,
              bias.pointee.type == GGML_TYPE_F32, ggml_is_contiguous(bias), ggml_nelements(bias) == w.ne.1
        else { return nil }
        var arguments: [Tensor?] = [weight, x, bias]
        return arguments.withUnsafeMutableBufferPointer { sources in
            ggml_custom_4d(ctx, GGML_TYPE_F32, w.ne.1, input.ne.1, 1, 1, sources.baseAddress, 3,
                           { output, part, parts, userdata in
                               TiledLinear.compute(output, part: part, parts: parts, isa: dragoman_isa(UInt32(Int(bitPattern: userdata) - 1)))
                           },
                           GGML_N_TASKS_MAX, UnsafeMutableRawPointer(bitPattern: Int(isa.rawValue) + 1))
        }
    }

    private static func format(_ type: ggml_type) -> dragoman_weight_format? {
        switch type {
        case GGML_TYPE_F32: DRAGOMAN_WEIGHTS_F32
        case GGML_TYPE_F16: DRAGOMAN_WEIGHTS_F16
        case GGML_TYPE_Q8_0: DRAGOMAN_WEIGHTS_Q8_0
        default: nil
        }
    }

    /// Runs on each of ggml's threads; `node` checked the tensors when it built the graph.
    private static func compute(_ output: Tensor?, part: Int32, parts: Int32, isa: dragoman_isa) {
        guard let output, let weight = output.pointee.src.0, let x = output.pointee.src.1,
              let bias = output.pointee.src.2, let format = format(weight.pointee.type)
        else { preconditionFailure("tiled linear node without its sources") }
        var problem = dragoman_linear_problem(
            format: format, weights: weight.pointee.data, weight_row_stride: weight.pointee.nb.1,
            input: x.pointee.data.assumingMemoryBound(to: Float.self), input_column_stride: x.pointee.nb.1,
            bias: bias.pointee.data.assumingMemoryBound(to: Float.self),
            output: output.pointee.data.assumingMemoryBound(to: Float.self), output_column_stride: output.pointee.nb.1,
            inner: weight.pointee.ne.0, rows: weight.pointee.ne.1, columns: x.pointee.ne.1, isa: isa,
            block_bytes: CPUKernels.columnBlockBytes)
        dragoman_linear_compute(&problem, part, parts)
    }
}
