// The custom op for CKernels' attention (see Attention.h): one graph node in place of ggml's five, reading keys and
// values through the same strided views ggml's mul_mat would have read.
import CGGML
import CKernels

enum FusedAttention {
    /// softmax(q·kᵀ/√head_dim + mask)·v for q [hd, Sq, heads, X], k [hd, Sk, heads, X], v [hd, Sk, heads, X] or,
    /// `valuesTransposed`, [Sk, hd, heads, X], and mask [Sk, Sq, 1, X] or nil; returns [d, Sq·X], heads side by side.
    /// nil when the views are not ones the kernel reads.
    static func node(_ ctx: OpaquePointer, q: Tensor, k: Tensor, v: Tensor, valuesTransposed: Bool, mask: Tensor?)
        -> Tensor?
    {
        let float = MemoryLayout<Float>.size
        let (query, key, value) = (q.pointee, k.pointee, v.pointee)
        let (hd, sq, heads, x, sk) = (query.ne.0, query.ne.1, query.ne.2, query.ne.3, key.ne.1)
        let valueShape = valuesTransposed ? [sk, hd, heads, x] : [hd, sk, heads, x]
        guard CPUKernels.available, hd % 8 == 0,
              [query.type, key.type, value.type].allSatisfy({ $0 == GGML_TYPE_F32 }),
              query.nb.0 == float, query.nb.2 == Int(hd) * float, query.nb.3 == Int(sq) * query.nb.1,
              key.nb.0 == float, [key.ne.0, key.ne.2, key.ne.3] == [hd, heads, x],
              value.nb.0 == float, [value.ne.0, value.ne.1, value.ne.2, value.ne.3] == valueShape
        else { return nil }
        if let mask {
            let m = mask.pointee
            guard m.type == GGML_TYPE_F32, ggml_is_contiguous(mask), [m.ne.0, m.ne.1, m.ne.2, m.ne.3] == [sk, sq, 1, x]
            else { return nil }
        }
        var arguments: [Tensor?] = [q, k, v, mask]
        return arguments.withUnsafeMutableBufferPointer { sources in
            let count = Int32(mask == nil ? 3 : 4)
            let (d, queries) = (hd * heads, sq * x)
            return valuesTransposed
                ? ggml_custom_4d(ctx, GGML_TYPE_F32, d, queries, 1, 1, sources.baseAddress, count,
                                 { output, part, parts, _ in FusedAttention.compute(output, part, parts, transposed: true) },
                                 GGML_N_TASKS_MAX, nil)
                : ggml_custom_4d(ctx, GGML_TYPE_F32, d, queries, 1, 1, sources.baseAddress, count,
                                 { output, part, parts, _ in FusedAttention.compute(output, part, parts, transposed: false) },
                                 GGML_N_TASKS_MAX, nil)
        }
    }

    private static func compute(_ output: Tensor?, _ part: Int32, _ parts: Int32, transposed: Bool) {
        guard let output, let q = output.pointee.src.0, let k = output.pointee.src.1, let v = output.pointee.src.2
        else { preconditionFailure("attention node without its sources") }
        let (query, key, value) = (q.pointee, k.pointee, v.pointee)
        let mask = output.pointee.src.3
        let float = MemoryLayout<Float>.size
        var problem = dragoman_attention_problem(
            queries: query.data.assumingMemoryBound(to: Float.self), query_stride: query.nb.1,
            queries_per_group: query.ne.1,
            keys: dragoman_attention_operand(
                base: key.data.assumingMemoryBound(to: Float.self), group: key.nb.3, head: key.nb.2,
                position: key.nb.1, element: float),
            values: transposed
                ? dragoman_attention_operand(
                    base: value.data.assumingMemoryBound(to: Float.self), group: value.nb.3, head: value.nb.2,
                    position: float, element: value.nb.1)
                : dragoman_attention_operand(
                    base: value.data.assumingMemoryBound(to: Float.self), group: value.nb.3, head: value.nb.2,
                    position: value.nb.1, element: float),
            values_transposed: transposed,
            mask: mask.map { UnsafePointer($0.pointee.data.assumingMemoryBound(to: Float.self)) },
            mask_stride: mask?.pointee.nb.1 ?? 0,
            output: output.pointee.data.assumingMemoryBound(to: Float.self), output_stride: output.pointee.nb.1,
            queries_count: query.ne.1 * query.ne.3, heads: query.ne.2, head_dim: query.ne.0, length: key.ne.1)
        dragoman_attention(&problem, part, parts)
    }
}
