// What can go wrong while a batch is decoded. A batch × beam whose caches do not fit must fail the batch, not
// the process: either ggml reports an allocation it cannot make (NULL or false), or the worker's memory limit
// refuses it first. The limit is what protects a machine that overcommits memory, where a huge allocation
// succeeds and the first writes to it wake the OOM killer (or swap for an hour) instead of returning NULL.
public enum InferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ggml could not allocate `what`, of `bytes` bytes where known.
    case allocationFailed(what: String, bytes: Int?)
    /// `what` needs `bytes`, more than the worker's `limit` leaves beside the `held` bytes it already has;
    /// nothing was allocated.
    case memoryLimitExceeded(what: String, bytes: Int, held: Int, limit: Int)
    /// ggml's graph computation returned a non-success status.
    case computeFailed(what: String, status: Int32)

    public var description: String {
        let advice = "try a smaller max_batch_size or beam_size"
        return switch self {
        case .allocationFailed(let what, let bytes?): "cannot allocate \(what) (\(mebibytes(bytes))); \(advice)"
        case .allocationFailed(let what, nil): "cannot allocate \(what); \(advice)"
        case .memoryLimitExceeded(let what, let bytes, let held, let limit):
            "cannot allocate \(what) (\(mebibytes(bytes))\(held >= 1 << 20 ? " beside \(mebibytes(held)) held" : "")) "
                + "within the worker's memory limit of \(mebibytes(limit)) (max_worker_memory_mb); \(advice), "
                + "or raise the limit"
        case .computeFailed(let what, let status): "ggml could not compute \(what) (status \(status))"
        }
    }
}

private func mebibytes(_ bytes: Int) -> String { "\(bytes / (1 << 20)) MiB" }
