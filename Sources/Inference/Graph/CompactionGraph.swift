// Drops finished sentences from a running batch: one graph gathers the kept sentences' cross-attention K/V and
// the kept hypotheses' self-attention caches into smaller tensors, so later steps compute only live rows.
// A batch whose sentences end at different lengths stops paying for the finished ones (CTranslate2 does the same).
import CGGML

struct CompactionGraph {
    let builder: GraphBuilder
    /// Kept sentence indices [B'] and kept hypothesis indices [B'·beams], int32.
    let sentences: Tensor
    let hypotheses: Tensor

    init(context: GGMLContext, from old: BatchCaches, to new: BatchCaches, filled: Int, heads: Int) {
        let b = GraphBuilder(context: context, heads: heads, dModel: old.dModel, linearKernel: .ggml)  // no linear layers
        builder = b
        sentences = b.input(GGML_TYPE_I32, [new.batch])
        hypotheses = b.input(GGML_TYPE_I32, [new.hypotheses])
        for (source, target) in zip(old.crossK + old.crossV, new.crossK + new.crossV) {
            let rowLength = Int64(source.pointee.ne.0 * source.pointee.ne.1 * source.pointee.ne.2)
            let rows = ggml_reshape_2d(b.ctx, source, rowLength, Int64(old.batch))
            let gathered = ggml_get_rows(b.ctx, rows, sentences)
            b.expand(ggml_cpy(b.ctx, gathered, ggml_reshape_2d(b.ctx, target, rowLength, Int64(new.batch))))
        }
        guard filled > 0 else { return }
        for (source, target) in zip(old.selfK + old.selfV, new.selfK + new.selfV) {
            let length = Int64(old.dModel * filled)
            let rows = ggml_view_2d(b.ctx, source, length, Int64(old.hypotheses), source.pointee.nb.2, 0)
            let slots = ggml_view_2d(b.ctx, target, length, Int64(new.hypotheses), target.pointee.nb.2, 0)
            b.expand(ggml_cpy(b.ctx, ggml_get_rows(b.ctx, rows, hypotheses), slots))
        }
    }
}
