// One client connection as its event loop sees it: the decoder, the in-flight requests in arrival order
// (responses leave in that order even when handlers finish out of order), unsent bytes and deadlines.
// Touched only on its event loop's thread.
final class Connection {
    /// A request that has been dispatched; `bytes` is its encoded response once the handler is done.
    struct Slot {
        let sequence: UInt64
        var bytes: [UInt8]?
        var closeAfter: Bool
        var task: Task<Void, Never>?
        let startedAt: UInt64
    }

    enum State {
        case open
        /// A final response is queued; once sent, the connection lingers.
        case closing
        /// Write side shut; unread client bytes are discarded until EOF or the deadline (RFC 9112 section 9.6).
        case lingering(until: UInt64)
    }

    let fd: Int32
    let id: UInt64
    let remoteAddress: String
    let decoder: HTTPDecoder
    /// False for connections refused at the connection limit: they do not count against it.
    let counted: Bool
    var state = State.open
    var slots: [Slot] = []
    var nextSequence: UInt64 = 0
    var output: [UInt8] = []
    var outputOffset = 0
    /// False after a `Connection: close` request, a decoding failure, or the client's EOF.
    var acceptsRequests = true
    var peerClosed = false
    var readDeadline: UInt64?
    var readDeadlineIsForBody = false
    var lastActivity: UInt64
    var interest: UInt32 = 0

    init(fd: Int32, id: UInt64, remoteAddress: String, decoder: HTTPDecoder, counted: Bool, now: UInt64) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.decoder = decoder
        self.counted = counted
        self.lastActivity = now
    }

    var hasPendingOutput: Bool { outputOffset < output.count }
    var isIdle: Bool { slots.isEmpty && !hasPendingOutput && !decoder.hasPartialMessage }
    var isOpen: Bool {
        if case .open = state { return true }
        return false
    }

    /// Queues bytes to send; the common case (nothing pending) takes the buffer without copying it.
    func enqueue(_ bytes: [UInt8]) {
        if hasPendingOutput {
            output.append(contentsOf: bytes)
        } else {
            output = bytes
            outputOffset = 0
        }
    }

    func cancelInFlight() {
        for slot in slots { slot.task?.cancel() }
        slots.removeAll()
    }
}
