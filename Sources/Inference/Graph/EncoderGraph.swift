// The encoder as one ggml graph over a padded batch [S tokens × B sentences], ending in the cross-attention keys
// and values of every decoder layer, written straight into the worker's caches: computed once per input.
import CGGML

struct EncoderGraph {
    let builder: GraphBuilder
    /// Source ids, sentence after sentence, each right-padded to S: [S·B] int32.
    let tokens: Tensor
    /// 0 for real keys, -inf for padding keys: [S keys, S queries, 1, B] f32.
    let mask: Tensor

    init(context: GGMLContext, weights w: MarianWeights, h: MarianHyperparameters, caches: BatchCaches, linearKernel: LinearKernel) {
        let b = GraphBuilder(context: context, heads: h.encoderHeads, dModel: h.dModel, linearKernel: linearKernel)
        let (s, n) = (caches.sourceLength, caches.batch)
        builder = b
        tokens = b.input(GGML_TYPE_I32, [s * n])
        mask = b.input(GGML_TYPE_F32, [s, s, 1, n])
        var x = Self.embed(b, w, h, tokens: tokens, seq: s, batch: n)
        for layer in w.encoder {
            let a = layer.attention
            let q = b.splitHeads(b.linear(x, a.q), seq: s, batch: n)
            let k = b.splitHeads(b.linear(x, a.k), seq: s, batch: n)
            let v = b.splitHeads(b.linear(x, a.v), seq: s, batch: n)
            let attention = b.linear(b.attend(q: q, k: k, v: v, valuesTransposed: false, mask: mask), a.o)
            x = b.addAndNorm(x, attention, a.norm)
            x = b.feedForward(x, layer.ffn, h.activation)
        }
        let cross = b.with(heads: h.decoderHeads)
        for (index, layer) in w.decoder.enumerated() {
            let k = cross.splitHeads(b.linear(x, layer.cross.k), seq: s, batch: n)
            b.expand(ggml_cpy(b.ctx, k, caches.crossK[index]))
            let v = cross.splitHeadsTransposed(b.linear(x, layer.cross.v), seq: s, batch: n)
            b.expand(ggml_cpy(b.ctx, v, caches.crossV[index]))
        }
    }

    /// token embedding · √d (when configured) + sinusoidal position; positions restart at 0 for every sentence.
    static func embed(_ b: GraphBuilder, _ w: MarianWeights, _ h: MarianHyperparameters, tokens: Tensor, seq: Int, batch: Int)
        -> Tensor
    {
        var x = b.embed(w.tokenEmbedding, tokens: tokens, output: w.output)
        if h.scaleEmbedding { x = ggml_scale(b.ctx, x, Float(h.dModel).squareRoot()) }
        let positions = ggml_view_2d(b.ctx, w.positions, Int64(h.dModel), Int64(seq), w.positions.pointee.nb.1, 0)
        let shaped = ggml_reshape_3d(b.ctx, x, Int64(h.dModel), Int64(seq), Int64(batch))
        return ggml_reshape_2d(b.ctx, ggml_add(b.ctx, shaped, positions), Int64(h.dModel), Int64(seq * batch))
    }

    static func maskValues(lengths: [Int], sourceLength s: Int) -> [Float] {
        lengths.flatMap { length in
            let row = (0..<s).map { $0 < length ? Float(0) : -Float.infinity }
            return Array([[Float]](repeating: row, count: s).joined())
        }
    }
}
