// The worker's memory limit at the ggml boundary: a buffer or graph plan that does not fit is refused with the
// bytes it wanted, and the allocator that refused a plan makes the next one as if nothing had happened.
import CGGML
import Testing

@testable import Inference

@Suite struct MemoryLimitTests {
    /// A graph adding two vectors of 1M floats (4 MiB each): its plan holds both and their sum.
    func addGraph() -> (GGMLContext, OpaquePointer) {
        let context = GGMLContext(tensorCount: 8, graphSize: 8)
        let a = ggml_new_tensor_1d(context.pointer, GGML_TYPE_F32, 1 << 20)!
        let b = ggml_new_tensor_1d(context.pointer, GGML_TYPE_F32, 1 << 20)!
        ggml_set_input(a)
        ggml_set_input(b)
        let graph = ggml_new_graph_custom(context.pointer, 8, false)!
        ggml_build_forward_expand(graph, ggml_add(context.pointer, a, b))
        return (context, graph)
    }

    @Test func aGraphPlanOverTheLimitIsRefusedAndTheAllocatorStartsAfresh() throws {
        let allocator = GraphAllocator()
        let (refusedContext, refused) = addGraph()
        #expect {
            try allocator.allocate(refused, what: "the sum", budget: MemoryBudget(limit: 1 << 20))
        } throws: { error in
            guard case .memoryLimitExceeded("the sum", let bytes, 0, 1 << 20)? = error as? InferenceError else {
                return false
            }
            return bytes >= 8 << 20
        }
        #expect(allocator.bytes == 0)
        let (context, graph) = addGraph()
        try allocator.allocate(graph, what: "the sum", budget: MemoryBudget(limit: 16 << 20))
        #expect(allocator.bytes >= 8 << 20)
        withExtendedLifetime((refusedContext, context)) {}
    }

    @Test func aBufferIsRefusedWhenWhatIsHeldLeavesTooLittle() throws {
        let backend = CPUBackend(threads: 1)
        let context = GGMLContext(tensorCount: 1)
        _ = ggml_new_tensor_2d(context.pointer, GGML_TYPE_F32, 1024, 1024)
        let limit = MemoryBudget(limit: 8 << 20)
        #expect(throws: InferenceError.memoryLimitExceeded(what: "a cache", bytes: 4 << 20, held: 4 << 20 + 1, limit: 8 << 20)) {
            try BackendBuffer.allocate(context, on: backend, what: "a cache", budget: limit.holding(4 << 20 + 1))
        }
        let fits = try BackendBuffer.allocate(context, on: backend, what: "a cache", budget: limit.holding(4 << 20))
        #expect(fits.bytes == 4 << 20)
    }

    @Test func theMessageNamesTheLimitWhatIsHeldAndWhatToChange() {
        let error = InferenceError.memoryLimitExceeded(
            what: "the self-attention cache", bytes: 3 << 30, held: 2 << 20, limit: 1 << 30)
        #expect(error.description == "cannot allocate the self-attention cache (3072 MiB beside 2 MiB held) within "
            + "the worker's memory limit of 1024 MiB (max_worker_memory_mb); try a smaller max_batch_size or "
            + "beam_size, or raise the limit")
    }
}
