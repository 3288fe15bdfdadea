// The custom op for CKernels' self-attention over the KV cache (see CachedAttention.h): one graph node where
// ggml's own ops need five and a transposing copy of the cached values.
import CGGML
import CKernels

enum CachedAttention {
    /// softmax(q·Kᵀ/√head_dim)·V over the first `length` positions of `keys` / `values` ([d, capacity, H]) for
    /// queries [d, H]; returns [d, H]. nil when the shapes are not ones the kernel takes.
    static func node(_ ctx: OpaquePointer, queries: Tensor, keys: Tensor, values: Tensor, length: Int, heads: Int)
        -> Tensor?
    {
        let (q, k) = (queries.pointee, keys.pointee)
        let d = Int(k.ne.0)
        guard CPUKernels.available, d % heads == 0, (d / heads) % 8 == 0, q.type == GGML_TYPE_F32,
              k.type == GGML_TYPE_F32, values.pointee.type == GGML_TYPE_F32, q.ne.0 == d, q.ne.1 == k.ne.2,
              q.nb.0 == MemoryLayout<Float>.size, keys.pointee.nb.1 == values.pointee.nb.1,
              keys.pointee.nb.2 == values.pointee.nb.2, length <= Int(k.ne.1)
        else { return nil }
        // Views of the filled positions, so the node's sources say how many positions it reads.
        let filled = { (cache: Tensor) in
            ggml_view_3d(ctx, cache, Int64(d), Int64(length), cache.pointee.ne.2, cache.pointee.nb.1, cache.pointee.nb.2, 0)
        }
        var arguments: [Tensor?] = [queries, filled(keys), filled(values)]
        let output = arguments.withUnsafeMutableBufferPointer { sources in
            // [head_dim, heads, H]: the shape carries the head count to the callback.
            ggml_custom_4d(ctx, GGML_TYPE_F32, Int64(d / heads), Int64(heads), q.ne.1, 1, sources.baseAddress, 3,
                           { output, part, parts, _ in CachedAttention.compute(output, part, parts) },
                           GGML_N_TASKS_MAX, nil)
        }
        return ggml_reshape_2d(ctx, output, Int64(d), q.ne.1)
    }

    private static func compute(_ output: Tensor?, _ part: Int32, _ parts: Int32) {
        guard let output, let q = output.pointee.src.0, let k = output.pointee.src.1, let v = output.pointee.src.2
        else { preconditionFailure("cached attention node without its sources") }
        var problem = dragoman_cached_attention_problem(
            queries: q.pointee.data.assumingMemoryBound(to: Float.self), query_stride: q.pointee.nb.1,
            keys: k.pointee.data.assumingMemoryBound(to: Float.self),
            values: v.pointee.data.assumingMemoryBound(to: Float.self),
            position_stride: k.pointee.nb.1, hypothesis_stride: k.pointee.nb.2,
            output: output.pointee.data.assumingMemoryBound(to: Float.self), output_stride: output.pointee.nb.2,
            heads: output.pointee.ne.1, head_dim: output.pointee.ne.0, length: k.pointee.ne.1,
            hypotheses: output.pointee.ne.2)
        dragoman_cached_attention(&problem, part, parts)
    }
}
