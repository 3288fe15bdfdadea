// One owner per ggml handle: each final class frees its handle in deinit. The model and the worker state hold
// these; graph-building code borrows the raw pointers only while it runs.
import CGGML

typealias Tensor = UnsafeMutablePointer<ggml_tensor>

/// A ggml context: tensor descriptors (and, without `no_alloc`, their data) in one arena.
final class GGMLContext {
    let pointer: OpaquePointer

    init(owning pointer: OpaquePointer) { self.pointer = pointer }

    /// A metadata-only context for `tensorCount` descriptors and optionally one graph of `graphSize` nodes.
    convenience init(tensorCount: Int, graphSize: Int = 0) {
        var bytes = ggml_tensor_overhead() * tensorCount
        if graphSize > 0 { bytes += ggml_graph_overhead_custom(graphSize, false) }
        let params = ggml_init_params(mem_size: bytes, mem_buffer: nil, no_alloc: true)
        self.init(owning: ggml_init(params)!)
    }

    deinit { ggml_free(pointer) }
}

/// A backend buffer holding tensor data: the weights' memory map, or a worker's KV caches.
final class BackendBuffer {
    let pointer: ggml_backend_buffer_t

    init(owning pointer: ggml_backend_buffer_t) { self.pointer = pointer }

    /// Allocates the data of every tensor in `context` on the CPU backend, if that fits in `budget`;
    /// `what` names them in the error.
    static func allocate(_ context: GGMLContext, on backend: CPUBackend, what: String, budget: MemoryBudget)
        throws(InferenceError) -> BackendBuffer
    {
        let bytes = ggml_backend_alloc_ctx_tensors_from_buft_size(context.pointer, ggml_backend_cpu_buffer_type())
        try budget.check(bytes, for: what)
        guard let buffer = ggml_backend_alloc_ctx_tensors(context.pointer, backend.pointer) else {
            throw .allocationFailed(what: what, bytes: bytes)
        }
        return BackendBuffer(owning: buffer)
    }

    var bytes: Int { ggml_backend_buffer_get_size(pointer) }

    deinit { ggml_backend_buffer_free(pointer) }
}

/// The CPU backend with its thread count; computes graphs for one worker.
final class CPUBackend {
    let pointer: ggml_backend_t

    init(threads: Int) {
        pointer = ggml_backend_cpu_init()!
        ggml_backend_cpu_set_n_threads(pointer, Int32(max(1, threads)))
    }

    /// A CPU graph fails when its work buffer cannot be allocated (GGML_STATUS_ALLOC_FAILED).
    func compute(_ graph: OpaquePointer, what: String) throws(InferenceError) {
        let status = ggml_backend_graph_compute(pointer, graph)
        guard status == GGML_STATUS_SUCCESS else { throw .computeFailed(what: what, status: status.rawValue) }
    }

    deinit { ggml_backend_free(pointer) }
}

/// Plans and reuses the memory of intermediate tensors across graphs of similar shape (ggml-alloc.h).
final class GraphAllocator {
    private var pointer: ggml_gallocr_t

    init() { pointer = Self.make() }

    private static func make() -> ggml_gallocr_t { ggml_gallocr_new(ggml_backend_cpu_buffer_type())! }

    /// Allocates the graph's intermediate tensors, refusing a plan that does not fit in `budget`. The plan's
    /// size is only known once its buffer is malloc'd; nothing has written to it yet, and a refused plan's
    /// buffer goes at once (with the allocator's state), so it never holds more than address space. The
    /// refused graph's tensors then point into freed memory: build the next graph afresh.
    func allocate(_ graph: OpaquePointer, what: String, budget: MemoryBudget) throws(InferenceError) {
        guard ggml_gallocr_alloc_graph(pointer, graph) else { throw .allocationFailed(what: what, bytes: nil) }
        do throws(InferenceError) {
            try budget.check(bytes, for: what)
        } catch {
            ggml_gallocr_free(pointer)
            pointer = Self.make()
            throw error
        }
    }

    var bytes: Int { ggml_gallocr_get_buffer_size(pointer, 0) }

    deinit { ggml_gallocr_free(pointer) }
}
