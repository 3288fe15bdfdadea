// One of the server's event loops: a dedicated thread waiting on epoll for its client sockets, a wake-up
// eventfd and, on the first loop only, the listener. It reads, parses and writes; each request's handler runs
// as a Swift task on this same thread (`LoopExecutor`), so an answer computed from memory never changes
// thread. Workload: thousands of keep-alive connections, small requests and responses.
import CSystemLinux
import Foundation
import Logging
import Synchronization

/// Safety of `@unchecked Sendable`: every stored property except `inbox` (a Mutex), `taskExecutor` and
/// `connectionCount` (both thread-safe) and `queue.wake()` (an eventfd write, thread-safe by the kernel) is read
/// and written only by the loop thread, inside `run()`. Other threads reach the loop only through
/// `complete(_:)`, `adopt(fd:address:)` and `requestShutdown(grace:waiter:)`.
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
        /// Connections the accepting loop dealt to this one.
        var adopted: [(fd: Int32, address: String)] = []
        var shutdownGrace: UInt64?
        var waiters: [CheckedContinuation<Void, Never>] = []
        var stopped = false
    }

    let configuration: ServerConfiguration
    let executor: RequestExecutor
    let logger: Logger
    let queue: EventQueue
    /// Only the first loop accepts; it deals new connections to itself and to `otherLoops` in turn.
    var listener: ListeningSocket?
    let otherLoops: [EventLoop]
    var nextLoop = 0
    var connections: [Int32: Connection] = [:]
    /// Shared by every loop of the server: `max_connections` is a limit on the whole server.
    let connectionCount: ConnectionCount
    var nextConnectionID: UInt64 = 0
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    let inbox = Mutex(Inbox())
    var shutdownDeadline: UInt64?
    var acceptPausedUntil: UInt64?
    var finished = false
    var now: UInt64 = monotonicNanoseconds()
    let tick: UInt64
    let tooManyConnections: [UInt8]
    let taskExecutor: LoopExecutor

    init(
        listener: ListeningSocket?, otherLoops: [EventLoop] = [], connectionCount: ConnectionCount,
        configuration: ServerConfiguration, executor: RequestExecutor, logger: Logger
    ) throws {
        self.listener = listener
        self.otherLoops = otherLoops
        self.connectionCount = connectionCount
        self.configuration = configuration
        self.executor = executor
        self.logger = logger
        let queue = try EventQueue()
        self.queue = queue
        taskExecutor = LoopExecutor(wake: { [fd = queue.wakeFD] in EventQueue.wake(fd) })
        if let listener { try queue.add(listener.fd, events: EventQueue.readable) }
        // Timeouts are checked on a tick a quarter of the shortest one, between 5 ms and 250 ms.
        let shortest = [configuration.headerReadTimeoutSeconds, configuration.bodyReadTimeoutSeconds,
                        configuration.idleTimeoutSeconds, configuration.handlerTimeoutSeconds,
                        configuration.lingerSeconds].min()!
        tick = Swift.min(Swift.max((shortest / 4).nanoseconds, 5_000_000), 250_000_000)
        tooManyConnections = ResponseEncoder.encode(executor.renderError(.tooManyConnections()), keepAlive: false)
    }

    deinit { readBuffer.deallocate() }

    func start(name: String) {
        let thread = Thread { [self] in
            // The kernel's name (top -H, perf, /proc) as well as Foundation's.
            _ = pthread_setname_np(pthread_self(), name)
            run()
        }
        thread.name = name
        thread.start()
    }

    private func run() {
        taskExecutor.enterLoopThread()
        var nextSweep = now + tick
        while !finished {
            let waitMilliseconds = taskExecutor.hasJobs
                ? 0 : Int32(clamping: (nextSweep > now ? nextSweep - now : 0) / 1_000_000 + 1)
            queue.wait(timeoutMilliseconds: waitMilliseconds) { handle($0) }
            now = monotonicNanoseconds()
            taskExecutor.runQueuedJobs()
            drainInbox()
            if now >= nextSweep {
                sweep()
                nextSweep = now + tick
            }
        }
        for connection in Array(connections.values) { close(connection) }
        listener = nil
        taskExecutor.stop()
        let (waiters, adopted) = inbox.withLock { inbox in
            inbox.stopped = true
            defer {
                inbox.waiters.removeAll()
                inbox.adopted.removeAll()
            }
            return (inbox.waiters, inbox.adopted)
        }
        // Dealt to this loop after its last look at the inbox: nobody will serve them now.
        for connection in adopted {
            Glibc.close(connection.fd)
            connectionCount.release()
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
                deal(fd: fd, address: address)
            } catch {
                // EMFILE/ENFILE: stop taking connections for a moment rather than spin on a listener we cannot drain.
                logger.warning("accept failed; pausing accepts for 100 ms", metadata: ["error": "\(error)"])
                queue.remove(listener.fd)
                acceptPausedUntil = now + 100_000_000
                return
            }
        }
    }

    /// Round robin, not the kernel's choice of whichever thread wakes first: keep-alive clients connect once,
    /// so where each connection lands decides how the load spreads for its whole life.
    private func deal(fd: Int32, address: String) {
        guard connectionCount.take(limit: configuration.maxConnections) else {
            register(fd: fd, address: address, counted: false)
            return
        }
        let turn = nextLoop
        nextLoop = (nextLoop + 1) % (otherLoops.count + 1)
        if turn == 0 || !otherLoops[turn - 1].adopt(fd: fd, address: address) {
            register(fd: fd, address: address, counted: true)
        }
    }

    /// A connection that did not fit under `max_connections` is answered 503 and closed, uncounted.
    func register(fd: Int32, address: String, counted: Bool) {
        let refused = !counted
        nextConnectionID += 1
        let decoder = HTTPDecoder(
            maxHeaderBytes: configuration.maxHeaderBytes,
            bodyLimit: { [configuration] in configuration.bodyLimit(forTarget: $0) })
        let connection = Connection(
            fd: fd, id: nextConnectionID, remoteAddress: address, decoder: decoder, counted: !refused, now: now)
        connections[fd] = connection
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

    /// Takes a connection the accepting loop dealt here; false once this loop has stopped.
    func adopt(fd: Int32, address: String) -> Bool {
        let (accepted, wasEmpty) = inbox.withLock { inbox in
            guard !inbox.stopped else { return (false, false) }
            defer { inbox.adopted.append((fd, address)) }
            return (true, inbox.adopted.isEmpty && inbox.completions.isEmpty)
        }
        if wasEmpty { queue.wake() }
        return accepted
    }

    func complete(_ completion: Completion) {
        let wasEmpty = inbox.withLock { inbox in
            defer { inbox.completions.append(completion) }
            return inbox.completions.isEmpty
        }
        // One wake-up per batch: the loop takes every queued completion each time it drains the inbox.
        if wasEmpty && !taskExecutor.isOnLoopThread { queue.wake() }
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
