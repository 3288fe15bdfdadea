// CKernels' fused attention and add-and-layer-norm against ggml's own ops on the same random inputs, through the
// graph builder the Marian graphs use: padded encoder self-attention, beam cross-attention over transposed values,
// and post-layer-norm. ggml's results are the reference; the two differ only in float summation order.
@testable import Inference
import CGGML
import TestSupport
import Testing

@Suite(.enabled(if: CPUKernels.available, "CKernels need AVX2, FMA and F16C"))
struct FusedKernelTests {
    let heads = 2
    let headDim = 16
    var d: Int { heads * headDim }

    /// Computes `build` once with ggml's ops and once with the fused kernels, on one set of inputs.
    func bothWays(_ build: (GraphBuilder, inout SeededGenerator) -> Tensor) -> (ggml: [Float], fused: [Float]) {
        var results = [[Float]]()
        for kernel in [LinearKernel.ggml, .tiled] {
            let context = GGMLContext(owning: ggml_init(ggml_init_params(mem_size: 64 << 20, mem_buffer: nil, no_alloc: false))!)
            let builder = GraphBuilder(context: context, heads: heads, dModel: d, linearKernel: kernel)
            var random = SeededGenerator(state: 5)
            let output = build(builder, &random)
            // The fused path must really run: one custom node, not ggml's ops again.
            #expect((output.pointee.op == GGML_OP_CUSTOM) == (kernel == .tiled))
            builder.expand(output)
            #expect(ggml_graph_compute_with_ctx(context.pointer, builder.graph, 2) == GGML_STATUS_SUCCESS)
            let contiguous = UnsafeBufferPointer(start: output.pointee.data.assumingMemoryBound(to: Float.self),
                                                 count: Int(ggml_nelements(output)))
            results.append(Array(contiguous))
        }
        return (results[0], results[1])
    }

    func random(_ b: GraphBuilder, _ ne: [Int], _ generator: inout SeededGenerator) -> Tensor {
        let tensor = b.input(GGML_TYPE_F32, ne)
        let values = (0..<Int(ggml_nelements(tensor))).map { _ in generator.nextSigned() }
        values.withUnsafeBytes { tensor.pointee.data.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return tensor
    }

    func expectClose(_ results: (ggml: [Float], fused: [Float])) {
        #expect(results.ggml.count == results.fused.count)
        for (index, (reference, fused)) in zip(results.ggml, results.fused).enumerated() {
            #expect(abs(reference - fused) <= 1e-5 * max(1, abs(reference)), "value \(index): \(fused) vs \(reference)")
        }
    }

    @Test func paddedSelfAttentionMatchesGGML() {
        let (s, n, lengths) = (5, 3, [5, 3, 1])
        expectClose(bothWays { b, generator in
            let split = { (x: Tensor) in b.splitHeads(x, seq: s, batch: n) }
            let (q, k, v) = (random(b, [d, s * n], &generator), random(b, [d, s * n], &generator), random(b, [d, s * n], &generator))
            let mask = b.input(GGML_TYPE_F32, [s, s, 1, n])
            let values = EncoderGraph.maskValues(lengths: lengths, sourceLength: s)
            values.withUnsafeBytes { mask.pointee.data.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            return b.attend(q: split(q), k: split(k), v: split(v), valuesTransposed: false, mask: mask)
        })
    }

    @Test func beamCrossAttentionOverTransposedValuesMatchesGGML() {
        let (s, beams, n) = (7, 2, 3)
        expectClose(bothWays { b, generator in
            let q = b.splitHeads(random(b, [d, beams * n], &generator), seq: beams, batch: n)
            let k = random(b, [headDim, s, heads, n], &generator)
            let vT = random(b, [s, headDim, heads, n], &generator)
            let mask = b.input(GGML_TYPE_F32, [s, beams, 1, n])
            let values = (0..<n).flatMap { sentence in
                (0..<beams).flatMap { _ in (0..<s).map { $0 < s - sentence ? Float(0) : -.infinity } }
            }
            values.withUnsafeBytes { mask.pointee.data.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            return b.attend(q: q, k: k, v: vT, valuesTransposed: true, mask: mask)
        })
    }

    @Test func addAndNormMatchesGGML() {
        expectClose(bothWays { b, generator in
            let (residual, sublayer) = (random(b, [d, 7], &generator), random(b, [d, 7], &generator))
            let norm = NormWeights(weight: random(b, [d], &generator), bias: random(b, [d], &generator))
            return b.addAndNorm(residual, sublayer, norm)
        })
    }
}
