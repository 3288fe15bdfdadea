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

    deinit { ggml_backend_buffer_free(pointer) }
}

/// The CPU backend with its thread count; computes graphs for one worker.
final class CPUBackend {
    let pointer: ggml_backend_t

    init(threads: Int) {
        pointer = ggml_backend_cpu_init()!
        ggml_backend_cpu_set_n_threads(pointer, Int32(max(1, threads)))
    }

    func compute(_ graph: OpaquePointer) {
        let status = ggml_backend_graph_compute(pointer, graph)
        // A CPU graph fails only on a programming error (bad shapes): crash with the status.
        precondition(status == GGML_STATUS_SUCCESS, "ggml graph compute failed: \(status)")
    }

    deinit { ggml_backend_free(pointer) }
}

/// Plans and reuses the memory of intermediate tensors across graphs of similar shape (ggml-alloc.h).
final class GraphAllocator {
    let pointer: ggml_gallocr_t

    init() { pointer = ggml_gallocr_new(ggml_backend_cpu_buffer_type())! }

    func allocate(_ graph: OpaquePointer) {
        precondition(ggml_gallocr_alloc_graph(pointer, graph), "ggml_gallocr_alloc_graph failed")
    }

    deinit { ggml_gallocr_free(pointer) }
}
