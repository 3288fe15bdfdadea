// One decoder step for every hypothesis of a batch: [d, H] hidden states in, [vocab, H] logits out.
// Self-attention appends this step's K/V to the worker's cache and attends over positions 0…t; cross-attention
// reads the K/V the encoder graph left in the cache. Beam reordering gathers cache rows inside the same graph.
import CGGML

struct DecoderStepGraph {
    let builder: GraphBuilder
    /// The token each hypothesis emitted last: [H] int32.
    let tokens: Tensor
    /// Which hypothesis each one continues (beam search): [H] int32; nil when nothing moved.
    let parents: Tensor?
    /// 0 / -inf per source position: [S, beams, 1, B] f32.
    let crossMask: Tensor
    let logits: Tensor

    init(context: GGMLContext, weights w: MarianWeights, h: MarianHyperparameters, caches c: BatchCaches,
         position t: Int, reorder: Bool, linearKernel: LinearKernel) {
        let b = GraphBuilder(context: context, heads: h.decoderHeads, dModel: h.dModel, linearKernel: linearKernel)
        let hyps = c.hypotheses
        builder = b
        tokens = b.input(GGML_TYPE_I32, [hyps])
        crossMask = b.input(GGML_TYPE_F32, [c.sourceLength, c.beams, 1, c.batch])
        parents = reorder && t > 0 ? b.input(GGML_TYPE_I32, [hyps]) : nil
        if let parents { Self.reorderCaches(b, c, parents: parents, filled: t) }
        var x = b.embed(w.decoderEmbedding, tokens: tokens, output: w.output)
        if h.scaleEmbedding { x = ggml_scale(b.ctx, x, Float(h.dModel).squareRoot()) }
        x = ggml_add(b.ctx, x, ggml_view_1d(b.ctx, w.positions, Int64(h.dModel), t * w.positions.pointee.nb.1))
        for (index, layer) in w.decoder.enumerated() {
            x = Self.selfAttention(b, x, layer.attention, cacheK: c.selfK[index], cacheV: c.selfV[index], t: t, hyps: hyps)
            let a = layer.cross
            let q = b.splitHeads(b.linear(x, a.q), seq: c.beams, batch: c.batch)
            let context = b.attend(q: q, k: c.crossK[index], v: c.crossV[index], valuesTransposed: true, mask: crossMask)
            x = b.addAndNorm(x, b.linear(context, a.o), a.norm)
            x = b.feedForward(x, layer.ffn, h.activation)
        }
        logits = b.linear(x, w.output)
        b.expand(logits)
    }

    private static func selfAttention(
        _ b: GraphBuilder, _ x: Tensor, _ a: AttentionWeights, cacheK: Tensor, cacheV: Tensor, t: Int, hyps: Int
    ) -> Tensor {
        let d = Int64(b.heads * b.headDim)
        // Write this step's key and value at position t; expanded now so they run before the reads below.
        for (cache, weights) in [(cacheK, a.k), (cacheV, a.v)] {
            let slot = ggml_view_2d(b.ctx, cache, d, Int64(hyps), cache.pointee.nb.2, t * cache.pointee.nb.1)
            b.expand(ggml_cpy(b.ctx, b.linear(x, weights), slot))
        }
        let q = b.splitHeads(b.linear(x, a.q), seq: 1, batch: hyps)
        let k = ggml_permute(b.ctx, headView(b, cacheK, length: t + 1, hyps: hyps), 0, 2, 1, 3)!
        let v = ggml_permute(b.ctx, headView(b, cacheV, length: t + 1, hyps: hyps), 0, 2, 1, 3)!
        let context = b.attend(q: q, k: k, v: v, valuesTransposed: false, mask: nil)
        return b.addAndNorm(x, b.linear(context, a.o), a.norm)
    }

    /// The first `length` cached positions as [head_dim, heads, length, H].
    private static func headView(_ b: GraphBuilder, _ cache: Tensor, length: Int, hyps: Int) -> Tensor {
        let element = MemoryLayout<Float>.size
        return ggml_view_4d(
            b.ctx, cache, Int64(b.headDim), Int64(b.heads), Int64(length), Int64(hyps),
            b.headDim * element, cache.pointee.nb.1, cache.pointee.nb.2, 0)
    }

    /// cache[h] ← cache[parents[h]] for the `filled` positions: each hypothesis's slab is one row for get_rows.
    private static func reorderCaches(_ b: GraphBuilder, _ c: BatchCaches, parents: Tensor, filled: Int) {
        for cache in c.selfK + c.selfV {
            let rows = ggml_view_2d(b.ctx, cache, Int64(c.dModel * filled), Int64(c.hypotheses), cache.pointee.nb.2, 0)
            b.expand(ggml_cpy(b.ctx, ggml_get_rows(b.ctx, rows, parents), rows))
        }
    }
}
