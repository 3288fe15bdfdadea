// One worker: a MarianState (ggml backend, allocators, KV caches) on its own serial dispatch thread, so the
// seconds a batch takes never block Swift's cooperative pool. A model has `workers` of these.
import Executors
import Inference

actor MarianWorker {
    private let executor: DispatchQueueExecutor
    private let state: MarianState

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(model: MarianModel, threads: Int, memoryLimit: Int, label: String) {
        executor = DispatchQueueExecutor(label: label)
        state = MarianState(model: model, threads: threads, memoryLimit: memoryLimit)
    }

    /// Generated ids (no start token, no EOS) for each source, searched together as one batch.
    func translate(_ sources: [[Int32]], options: SearchOptions) throws(InferenceError) -> [[Int32]] {
        options.beams == 1
            ? try GreedySearch.run(state, sources: sources, options: options)
            : try BeamSearch.run(state, sources: sources, options: options)
    }
}
