// Dragoman's HTTP/1.1 server: binds, runs its epoll event loops (one per core unless configured), each on its
// own thread, and hands each request to a `Responder` in a Swift task. Safe to share between actors; all
// mutable state sits behind one Mutex.
import Glibc
import Logging
import Synchronization

public final class HTTPServer: Sendable {
    public let configuration: ServerConfiguration
    let responder: any Responder
    let logger: Logger
    let renderError: @Sendable (HTTPError) -> Response
    private let draining = DrainingFlag()
    private let state = Mutex<(loops: [EventLoop], port: Int)>(([], 0))

    /// `renderError` shapes the errors middleware cannot see: those the server raises itself (400 on malformed
    /// bytes, 408, 413, 431, 503, 504) and any error that escapes the outermost responder.
    public init(
        configuration: ServerConfiguration, responder: any Responder, logger: Logger,
        renderError: @escaping @Sendable (HTTPError) -> Response = { $0.response }
    ) {
        self.renderError = renderError
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// Binds and starts serving; with port 0 the kernel picks a free port, which `port` then reports.
    public func start() async throws {
        guard !isStarted else { return }
        // Writes to a closed socket must fail with EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let listener = try ListeningSocket(
            host: configuration.host, port: configuration.port, backlog: Int32(configuration.listenBacklog))
        let executor = RequestExecutor(
            responder: responder, logger: logger, gzipMinimumBytes: configuration.gzipMinimumBytes,
            onLoopMaxBytes: configuration.loopHandlerMaxBodyBytes, renderError: renderError, draining: draining)
        let count = ConnectionCount()
        let others = try (1..<configuration.resolvedEventLoops).map { _ in
            try EventLoop(
                listener: nil, connectionCount: count, configuration: configuration, executor: executor, logger: logger)
        }
        let acceptor = try EventLoop(
            listener: listener, otherLoops: others, connectionCount: count, configuration: configuration,
            executor: executor, logger: logger)
        let loops = [acceptor] + others
        let alreadyStarted = state.withLock { state in
            guard state.loops.isEmpty else { return true }
            state = (loops, listener.port)
            return false
        }
        guard !alreadyStarted else { return }
        for (index, loop) in loops.enumerated() { loop.start(name: "http-loop-\(index)") }
        logger.notice(
            "listening",
            metadata: ["host": "\(configuration.host)", "port": "\(listener.port)", "event_loops": "\(loops.count)"])
    }

    var isStarted: Bool { state.withLock { !$0.loops.isEmpty } }

    /// The bound port; 0 before `start()`.
    public var port: Int { state.withLock { $0.port } }

    /// Stops accepting, lets in-flight requests finish for up to `grace`, closes idle keep-alive connections,
    /// then closes whatever is left. Returns once the event loop has stopped.
    public func shutdown(grace: Duration) async {
        let loops = state.withLock { $0.loops }
        guard !loops.isEmpty else { return }
        draining.set()
        // All at once, so the grace period is one period, not one per loop.
        await withDiscardingTaskGroup { group in
            for loop in loops {
                group.addTask { await withCheckedContinuation { loop.requestShutdown(grace: grace, waiter: $0) } }
            }
        }
        logger.notice("stopped")
    }
}
