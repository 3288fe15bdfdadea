// The per-batch tensors one worker keeps between decoder steps: cross-attention K/V (computed once from the
// encoder output) and the self-attention KV cache, which grows by doubling so short outputs stay small
// (a full 512-step cache is 12 MB per hypothesis for a 6-layer d=512 model).
import CGGML

final class BatchCaches {
    let batch: Int
    let beams: Int
    let sourceLength: Int
    let layers: Int
    let dModel: Int
    var hypotheses: Int { batch * beams }
    private(set) var capacity: Int

    private let crossContext: GGMLContext
    private let crossBuffer: BackendBuffer
    /// Per decoder layer: keys [head_dim, S, heads, B] and transposed values [S, head_dim, heads, B].
    let crossK: [Tensor]
    let crossV: [Tensor]

    private var selfContext: GGMLContext
    private var selfBuffer: BackendBuffer
    /// Per decoder layer: [d_model, capacity, hypotheses], one contiguous slab per hypothesis.
    private(set) var selfK: [Tensor]
    private(set) var selfV: [Tensor]

    /// Both caches' bytes, which the worker's memory limit counts.
    var bytes: Int { crossBuffer.bytes + selfBuffer.bytes }

    /// Allocates the caches if together they fit in `budget`.
    init(
        backend: CPUBackend, h: MarianHyperparameters, batch: Int, beams: Int, sourceLength: Int, capacity: Int,
        budget: MemoryBudget
    ) throws(InferenceError) {
        self.batch = batch
        self.beams = beams
        self.sourceLength = sourceLength
        layers = h.decoderLayers
        dModel = h.dModel
        self.capacity = capacity
        let headDim = h.dModel / h.decoderHeads
        crossContext = GGMLContext(tensorCount: 2 * layers)
        let ctx = crossContext.pointer
        let (hd, s, nh, b) = (Int64(headDim), Int64(sourceLength), Int64(h.decoderHeads), Int64(batch))
        crossK = (0..<layers).map { _ in ggml_new_tensor_4d(ctx, GGML_TYPE_F32, hd, s, nh, b) }
        crossV = (0..<layers).map { _ in ggml_new_tensor_4d(ctx, GGML_TYPE_F32, s, hd, nh, b) }
        crossBuffer = try BackendBuffer.allocate(
            crossContext, on: backend, what: "the cross-attention keys and values of \(batch) sentences", budget: budget)
        (selfContext, selfBuffer, selfK, selfV) = try Self.makeSelf(
            backend, layers, dModel, capacity, batch * beams, budget: budget.holding(crossBuffer.bytes))
    }

    private static func makeSelf(
        _ backend: CPUBackend, _ layers: Int, _ d: Int, _ capacity: Int, _ hyps: Int, budget: MemoryBudget
    ) throws(InferenceError) -> (GGMLContext, BackendBuffer, [Tensor], [Tensor])
    {
        let context = GGMLContext(tensorCount: 2 * layers)
        let make = { (_: Int) in
            ggml_new_tensor_3d(context.pointer, GGML_TYPE_F32, Int64(d), Int64(capacity), Int64(hyps))!
        }
        let k = (0..<layers).map(make)
        let v = (0..<layers).map(make)
        let buffer = try BackendBuffer.allocate(
            context, on: backend, what: "the self-attention cache for \(hyps) hypotheses × \(capacity) positions",
            budget: budget)
        return (context, buffer, k, v)
    }

    /// Makes room for `positions` cached steps, copying the `filled` steps already there. The larger cache
    /// must fit in `budget` beside both current caches (the old one is held while it is copied).
    /// On failure the cache is unchanged.
    func reserve(positions: Int, filled: Int, backend: CPUBackend, budget: MemoryBudget) throws(InferenceError) {
        guard positions > capacity else { return }
        var newCapacity = capacity
        while newCapacity < positions { newCapacity *= 2 }
        let (context, buffer, k, v) = try Self.makeSelf(
            backend, layers, dModel, newCapacity, hypotheses, budget: budget.holding(bytes))
        let slab = dModel * filled * MemoryLayout<Float>.size
        var scratch = [UInt8](repeating: 0, count: slab)
        for (old, new) in zip(selfK + selfV, k + v) {
            for hyp in 0..<hypotheses where slab > 0 {
                scratch.withUnsafeMutableBytes { bytes in
                    ggml_backend_tensor_get(old, bytes.baseAddress, hyp * old.pointee.nb.2, slab)
                    ggml_backend_tensor_set(new, bytes.baseAddress, hyp * new.pointee.nb.2, slab)
                }
            }
        }
        (selfContext, selfBuffer, selfK, selfV, capacity) = (context, buffer, k, v, newCapacity)
    }
}
