// A Q8_0 weight matrix re-quantised at load for CKernels' integer kernel: int8 rows with one scale per row
// (see IntegerLinearKernels.h). Owned here, freed with the model; graphs reach it through their custom op's
// userdata, which stays valid because every worker state holds the model.
import CGGML
import CKernels

final class IntegerWeights: @unchecked Sendable {
    // @unchecked: written once in init, then only read, by any number of ggml threads at a time.
    let values: UnsafeMutablePointer<Int8>
    let scales: UnsafeMutablePointer<Float>
    /// Σ values of each row, which the AVX-512 kernel needs.
    let sums: UnsafeMutablePointer<Int32>
    let inner: Int
    let rows: Int
    /// The instruction set its layers run with: the best one, or in tests a lesser one.
    let isa: dragoman_isa

    /// nil unless `tensor` is a 2-D Q8_0 matrix the kernel takes (rows a multiple of 32 values).
    init?(requantizing tensor: Tensor, isa: dragoman_isa = CPUKernels.isa) {
        let t = tensor.pointee
        guard t.type == GGML_TYPE_Q8_0, t.ne.0 % 32 == 0, t.ne.2 == 1, t.ne.3 == 1 else { return nil }
        (inner, rows) = (Int(t.ne.0), Int(t.ne.1))
        values = UnsafeMutableRawPointer.allocate(byteCount: inner * rows, alignment: 64)
            .bindMemory(to: Int8.self, capacity: inner * rows)
        scales = .allocate(capacity: rows)
        sums = .allocate(capacity: rows)
        self.isa = isa
        dragoman_requantize_q8_0_rows(t.data, t.nb.1, Int64(inner), Int64(rows), values, scales, sums)
    }


    deinit {
        values.deallocate()
        scales.deallocate()
        sums.deallocate()
    }
}

/// The custom op that runs a linear layer on `IntegerWeights`.
enum IntegerLinear {
    /// y = weights·x + bias as one custom node, or nil when x is not f32 with contiguous columns of the right size.
    static func node(_ ctx: OpaquePointer, weights: IntegerWeights, x: Tensor, bias: Tensor) -> Tensor? {
        let input = x.pointee
        guard input.type == GGML_TYPE_F32, input.ne.0 == weights.inner, input.ne.2 == 1, input.ne.3 == 1,
              input.nb.0 == MemoryLayout<Float>.size,
              bias.pointee.type == GGML_TYPE_F32, ggml_is_contiguous(bias), ggml_nelements(bias) == weights.rows
        else { return nil }
        var arguments: [Tensor?] = [x, bias]
        return arguments.withUnsafeMutableBufferPointer { sources in
            ggml_custom_4d(ctx, GGML_TYPE_F32, Int64(weights.rows), input.ne.1, 1, 1, sources.baseAddress, 2,
                           { output, part, parts, userdata in IntegerLinear.compute(output, part, parts, userdata) },
                           GGML_N_TASKS_MAX, Unmanaged.passUnretained(weights).toOpaque())
        }
    }

    /// Runs on each of ggml's threads; `node` checked the tensors when it built the graph.
    private static func compute(_ output: Tensor?, _ part: Int32, _ parts: Int32, _ userdata: UnsafeMutableRawPointer?) {
        guard let output, let x = output.pointee.src.0, let bias = output.pointee.src.1, let userdata
        else { preconditionFailure("integer linear node without its sources") }
        let weights = Unmanaged<IntegerWeights>.fromOpaque(userdata).takeUnretainedValue()
        var problem = dragoman_integer_linear_problem(
            weights: weights.values, weight_scales: weights.scales, weight_sums: weights.sums,
            input: x.pointee.data.assumingMemoryBound(to: Float.self), input_column_stride: x.pointee.nb.1,
            bias: bias.pointee.data.assumingMemoryBound(to: Float.self),
            output: output.pointee.data.assumingMemoryBound(to: Float.self), output_column_stride: output.pointee.nb.1,
            inner: Int64(weights.inner), rows: Int64(weights.rows), columns: x.pointee.ne.1, isa: weights.isa,
            block_bytes: CPUKernels.columnBlockBytes)
        dragoman_integer_linear_compute(&problem, part, parts)
    }
}

/// The custom op that looks rows of `IntegerWeights` up as floats: the embedding of a model whose embedding is tied
/// to its Q8_0 output projection.
enum IntegerRows {
    /// [inner, n] f32 for `ids` [n] int32, or nil when ids is not a contiguous int32 vector.
    static func node(_ ctx: OpaquePointer, weights: IntegerWeights, ids: Tensor) -> Tensor? {
        guard ids.pointee.type == GGML_TYPE_I32, ggml_is_contiguous(ids), ggml_n_dims(ids) == 1 else { return nil }
        var arguments: [Tensor?] = [ids]
        return arguments.withUnsafeMutableBufferPointer { sources in
            ggml_custom_4d(ctx, GGML_TYPE_F32, Int64(weights.inner), ids.pointee.ne.0, 1, 1, sources.baseAddress, 1,
                           { output, part, parts, userdata in IntegerRows.compute(output, part, parts, userdata) },
                           GGML_N_TASKS_MAX, Unmanaged.passUnretained(weights).toOpaque())
        }
    }

    private static func compute(_ output: Tensor?, _ part: Int32, _ parts: Int32, _ userdata: UnsafeMutableRawPointer?) {
        guard let output, let ids = output.pointee.src.0, let userdata
        else { preconditionFailure("integer rows node without its sources") }
        let weights = Unmanaged<IntegerWeights>.fromOpaque(userdata).takeUnretainedValue()
        dragoman_integer_rows(
            weights.values, weights.scales, Int64(weights.inner), ids.pointee.data.assumingMemoryBound(to: Int32.self),
            ids.pointee.ne.0, output.pointee.data.assumingMemoryBound(to: Float.self), output.pointee.nb.1, part, parts)
    }
}
