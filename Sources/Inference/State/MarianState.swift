// A worker's mutable side of a model: its CPU backend and thread count, graph allocators and the caches of the
// batch being translated. One per worker, used from one thread at a time (the worker's serial executor);
// the model it reads is shared. Search drives it through `StepDecoder`; it only turns tokens into logits.
import CGGML

public final class MarianState: StepDecoder {
    public let model: MarianModel
    public let linearKernel: LinearKernel
    /// The most bytes this worker's ggml buffers (caches and activations) may hold at once.
    private let budget: MemoryBudget
    private let backend: CPUBackend
    /// One per batch: it grows with the step graph over the batch's steps and goes with the batch.
    private var decoderAllocator = GraphAllocator()
    private var caches: BatchCaches?
    /// Reused for every step's logits (4·vocabulary bytes per hypothesis): search drops each step's array
    /// before asking for the next, so the write below finds it uniquely referenced and allocates nothing.
    private var logits: [Float] = []
    private var crossMask: [Float] = []
    private var position = 0

    /// Steps the self-attention cache holds before it first doubles.
    static let initialCacheCapacity = 32

    public init(model: MarianModel, threads: Int, linearKernel: LinearKernel = .preferred, memoryLimit: Int = .max) {
        self.model = model
        budget = MemoryBudget(limit: memoryLimit)
        // Asking for the tiled kernel on a CPU without AVX2 gets ggml's: same results, no illegal instruction.
        self.linearKernel = CPUKernels.available ? linearKernel : .ggml
        backend = CPUBackend(threads: threads)
    }

    public var vocabularySize: Int { model.hyperparameters.vocabSize }

    /// Encodes `sources` (token ids, each ending in EOS) as one padded batch and readies `beams` hypotheses
    /// per sentence at position 0.
    /// On failure the state holds no batch; the next `begin` starts afresh.
    public func begin(sources: [[Int32]], beams: Int) throws(InferenceError) {
        precondition(!sources.isEmpty && beams >= 1)
        let h = model.hyperparameters
        // An empty source would mask every key (NaN attention); the codec always appends EOS, but be safe.
        let sources = sources.map { $0.isEmpty ? [Int32(h.eosID)] : Array($0.prefix(h.maxPositions)) }
        let s = max(1, sources.map(\.count).max()!)
        // The previous batch's caches and step buffers go before this batch's are made, so peak memory holds
        // one set, not two. With the two changes below: 479 → 395 MiB peak RSS for f32 greedy (batch 32, 500 sentences).
        caches = nil
        decoderAllocator = GraphAllocator()
        let batchCaches = try BatchCaches(
            backend: backend, h: h, batch: sources.count, beams: beams, sourceLength: s,
            capacity: min(Self.initialCacheCapacity, h.maxPositions), budget: budget)
        let context = GGMLContext(tensorCount: GraphBuilder.maxNodes, graphSize: GraphBuilder.maxNodes)
        let graph = EncoderGraph(context: context, weights: model.weights, h: h, caches: batchCaches, linearKernel: linearKernel)
        // The encoder's activations (tens of MB for 32 sentences of 40 tokens) are freed before decoding starts,
        // rather than held beside the decoder's for the worker's lifetime.
        let encoderAllocator = GraphAllocator()
        try encoderAllocator.allocate(
            graph.builder.graph, what: "the encoder's activations for \(sources.count) sentences",
            budget: budget.holding(batchCaches.bytes))
        let padded = sources.flatMap { $0 + [Int32](repeating: Int32(h.padID), count: s - $0.count) }
        set(graph.tokens, padded)
        set(graph.mask, EncoderGraph.maskValues(lengths: sources.map(\.count), sourceLength: s))
        try backend.compute(graph.builder.graph, what: "the encoder")
        crossMask = sources.flatMap { source in
            let row = (0..<s).map { $0 < source.count ? Float(0) : -Float.infinity }
            return Array([[Float]](repeating: row, count: beams).joined())
        }
        caches = batchCaches
        position = 0
    }

    /// Runs one decoder step. `tokens[h]` is hypothesis h's last token; `parents[h]`, when given, is the
    /// hypothesis (of the previous step) that h continues. Returns logits, hypothesis after hypothesis.
    public func step(tokens: [Int32], parents: [Int32]?) throws(InferenceError) -> [Float] {
        guard let caches else { preconditionFailure("step before begin") }
        precondition(tokens.count == caches.hypotheses && position < model.hyperparameters.maxPositions)
        try caches.reserve(
            positions: position + 1, filled: position, backend: backend, budget: budget.holding(decoderAllocator.bytes))
        let reorder = parents.map { $0 != Array(0..<Int32(caches.hypotheses)) } ?? false
        let context = GGMLContext(tensorCount: GraphBuilder.maxNodes, graphSize: GraphBuilder.maxNodes)
        let graph = DecoderStepGraph(
            context: context, weights: model.weights, h: model.hyperparameters, caches: caches,
            position: position, reorder: reorder, linearKernel: linearKernel)
        try decoderAllocator.allocate(
            graph.builder.graph, what: "the decoder step's activations for \(caches.hypotheses) hypotheses",
            budget: budget.holding(caches.bytes))
        set(graph.tokens, tokens)
        set(graph.crossMask, crossMask)
        if let input = graph.parents, let parents { set(input, parents) }
        try backend.compute(graph.builder.graph, what: "a decoder step")
        position += 1
        let count = vocabularySize * caches.hypotheses
        if logits.count != count { logits = [Float](repeating: 0, count: count) }
        logits.withUnsafeMutableBytes { ggml_backend_tensor_get(graph.logits, $0.baseAddress, 0, $0.count) }
        return logits
    }

    /// Keeps only `sentences` (indices into the current batch, ascending) with all their hypotheses; the next
    /// step's tokens and parents are then indexed over the smaller batch.
    public func retain(sentences kept: [Int]) throws(InferenceError) {
        guard let old = caches, kept.count < old.batch, !kept.isEmpty else { return }
        let h = model.hyperparameters
        let new = try BatchCaches(
            backend: backend, h: h, batch: kept.count, beams: old.beams, sourceLength: old.sourceLength,
            capacity: old.capacity, budget: budget.holding(old.bytes + decoderAllocator.bytes))
        let context = GGMLContext(tensorCount: GraphBuilder.maxNodes, graphSize: GraphBuilder.maxNodes)
        let graph = CompactionGraph(context: context, from: old, to: new, filled: position, heads: h.decoderHeads)
        try decoderAllocator.allocate(
            graph.builder.graph, what: "the cache compaction", budget: budget.holding(old.bytes + new.bytes))
        set(graph.sentences, kept.map(Int32.init))
        set(graph.hypotheses, kept.flatMap { sentence in (0..<old.beams).map { Int32(sentence * old.beams + $0) } })
        try backend.compute(graph.builder.graph, what: "the cache compaction")
        let rowLength = old.sourceLength * old.beams
        crossMask = kept.flatMap { crossMask[$0 * rowLength..<($0 + 1) * rowLength] }
        caches = new
    }

    private func set<T>(_ tensor: Tensor, _ values: [T]) {
        values.withUnsafeBytes { ggml_backend_tensor_set(tensor, $0.baseAddress, 0, $0.count) }
    }
}
