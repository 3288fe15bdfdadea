// What can go wrong while a batch is decoded. ggml reports an allocation it cannot make (a batch × beam whose
// caches do not fit in memory) by returning NULL or false; that must fail the batch, not the process.
public enum InferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ggml could not allocate `what`, of `bytes` bytes where known.
    case allocationFailed(what: String, bytes: Int?)
    /// ggml's graph computation returned a non-success status.
    case computeFailed(what: String, status: Int32)

    public var description: String {
        switch self {
        case .allocationFailed(let what, let bytes?):
            "cannot allocate \(what) (\(bytes / (1 << 20)) MiB); try a smaller max_batch_size or beam_size"
        case .allocationFailed(let what, nil):
            "cannot allocate \(what); try a smaller max_batch_size or beam_size"
        case .computeFailed(let what, let status): "ggml could not compute \(what) (status \(status))"
        }
    }
}
