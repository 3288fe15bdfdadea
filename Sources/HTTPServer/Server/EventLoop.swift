// The server's event loop: one dedicated thread waiting on epoll for the listener, every client socket and a
// wake-up eventfd. It accepts, reads, parses and writes; handlers run as Swift tasks and hand their encoded
// responses back through `inbox`. Workload: thousands of keep-alive connections, small requests and responses.
import Foundation
import Logging
import Synchronization

/// Safety of `@unchecked Sendable`: every stored property except `inbox` (a Mutex) and `queue.wake()` (an
/// eventfd write, thread-safe by the kernel) is read and written only by the loop thread, inside `run()`.
/// Other threads reach the loop only through `complete(_:)` and `requestShutdown(grace:waiter:)`.
final class EventLoop: @unchecked Sendable {
    struct Completion {
        var connectionID: UInt64
        var fd: Int32
        var sequence: UInt64
        var bytes: [UInt8]
        var keepAlive: Bool
    }

    struct Inbox {
        var completions: [Completion] = []
        var shutdownGrace: UInt64?
        var waiters: [CheckedContinuation<Void, Never>] = []
        var stopped = false
    }

    let configuration: ServerConfiguration
    let executor: RequestExecutor
    let logger: Logger
    let queue: EventQueue
    var listener: ListeningSocket?
    var connections: [Int32: Connection] = [:]
    var countedConnections = 0
    var nextConnectionID: UInt64 = 0
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    let inbox = Mutex(Inbox())
    var shutdownDeadline: UInt64?
    var acceptPausedUntil: UInt64?
    var finished = false
    var now: UInt64 = monotonicNanoseconds()
    let tick: UInt64
    let tooManyConnections: [UInt8]

    init(listener: ListeningSocket, configuration: ServerConfiguration, executor: RequestExecutor, logger: Logger) throws {
        self.listener = listener
        self.configuration = configuration
        self.executor = executor
        self.logger = logger
        queue = try EventQueue()
        try queue.add(listener.fd, events: EventQueue.readable)
        // Timeouts are checked on a tick a quarter of the shortest one, between 5 ms and 250 ms.
        let shortest = [configuration.headerReadTimeoutSeconds, configuration.bodyReadTimeoutSeconds,
                        configuration.idleTimeoutSeconds, configuration.handlerTimeoutSeconds,
                        configuration.lingerSeconds].min()!
        tick = Swift.min(Swift.max((shortest / 4).nanoseconds, 5_000_000), 250_000_000)
        tooManyConnections = ResponseEncoder.encode(executor.renderError(.tooManyConnections()), keepAlive: false)
    }

    deinit { readBuffer.deallocate() }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "http-event-loop"
        thread.start()
    }

    private func run() {
        var nextSweep = now + tick
        while !finished {
            let waitMilliseconds = Int32(clamping: (nextSweep > now ? nextSweep - now : 0) / 1_000_000 + 1)
            queue.wait(timeoutMilliseconds: waitMilliseconds) { handle($0) }
            now = monotonicNanoseconds()
            drainInbox()
            if now >= nextSweep {
                sweep()
                nextSweep = now + tick
            }
        }
        for connection in Array(connections.values) { close(connection) }
        listener = nil
        let waiters = inbox.withLock { inbox in
            inbox.stopped = true
            defer { inbox.waiters.removeAll() }
            return inbox.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    private func handle(_ readiness: EventQueue.Readiness) {
        if readiness.fd == queue.wakeFD {
            queue.drainWakeups()
        } else if let listener, readiness.fd == listener.fd {
            acceptAll(from: listener)
        } else if let connection = connections[readiness.fd] {
            if readiness.readable || readiness.hangup { read(connection) }
            if readiness.writable, connections[readiness.fd] === connection { write(connection) }
        }
    }

    private func acceptAll(from listener: ListeningSocket) {
        for _ in 0..<64 {
            do {
                guard let (fd, address) = try listener.accept() else { return }
                register(fd: fd, address: address)
            } catch {
                // EMFILE/ENFILE: stop taking connections for a moment rather than spin on a listener we cannot drain.
                logger.warning("accept failed; pausing accepts for 100 ms", metadata: ["error": "\(error)"])
                queue.remove(listener.fd)
                acceptPausedUntil = now + 100_000_000
                return
            }
        }
    }

    private func register(fd: Int32, address: String) {
        let refused = countedConnections >= configuration.maxConnections
        nextConnectionID += 1
        let decoder = HTTPDecoder(
            maxHeaderBytes: configuration.maxHeaderBytes,
            bodyLimit: { [configuration] in configuration.bodyLimit(forTarget: $0) })
        let connection = Connection(
            fd: fd, id: nextConnectionID, remoteAddress: address, decoder: decoder, counted: !refused, now: now)
        connections[fd] = connection
        if !refused { countedConnections += 1 }
        do {
            try queue.add(fd, events: EventQueue.readable)
            connection.interest = EventQueue.readable
        } catch {
            close(connection)
            return
        }
        if refused {
            connection.acceptsRequests = false
            connection.state = .closing
            connection.enqueue(tooManyConnections)
            write(connection)
        }
    }

    // MARK: Called from other threads.

    func complete(_ completion: Completion) {
        let wasEmpty = inbox.withLock { inbox in
            defer { inbox.completions.append(completion) }
            return inbox.completions.isEmpty
        }
        // One wake-up per batch: the loop takes every queued completion each time it drains the inbox.
        if wasEmpty { queue.wake() }
    }

    func requestShutdown(grace: Duration, waiter: CheckedContinuation<Void, Never>) {
        let stopped = inbox.withLock { inbox in
            if !inbox.stopped {
                inbox.waiters.append(waiter)
                let nanoseconds = grace.components.seconds * 1_000_000_000 + grace.components.attoseconds / 1_000_000_000
                inbox.shutdownGrace = inbox.shutdownGrace ?? UInt64(Swift.max(0, nanoseconds))
            }
            return inbox.stopped
        }
        if stopped { waiter.resume() } else { queue.wake() }
    }
}
