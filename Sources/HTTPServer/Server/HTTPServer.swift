// Dragoman's HTTP/1.1 server: binds, runs one epoll event loop on its own thread, and hands each request to a
// `Responder` in a Swift task. Safe to share between actors; all mutable state sits behind one Mutex.
import Glibc
import Logging
import Synchronization

public final class HTTPServer: Sendable {
    public let configuration: ServerConfiguration
    let responder: any Responder
    let logger: Logger
    private let draining = DrainingFlag()
    private let state = Mutex<(loop: EventLoop?, port: Int)>((nil, 0))

    public init(configuration: ServerConfiguration, responder: any Responder, logger: Logger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
    }

    /// Binds and starts serving; with port 0 the kernel picks a free port, which `port` then reports.
    public func start() async throws {
        // Writes to a closed socket must fail with EPIPE, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let listener = try ListeningSocket(
            host: configuration.host, port: configuration.port, backlog: Int32(configuration.listenBacklog))
        let executor = RequestExecutor(
            responder: responder, logger: logger, gzipMinimumBytes: configuration.gzipMinimumBytes, draining: draining)
        let loop = try EventLoop(listener: listener, configuration: configuration, executor: executor, logger: logger)
        let alreadyStarted = state.withLock { state in
            guard state.loop == nil else { return true }
            state = (loop, listener.port)
            return false
        }
        guard !alreadyStarted else { return }
        loop.start()
        logger.notice("listening", metadata: ["host": "\(configuration.host)", "port": "\(listener.port)"])
    }

    /// The bound port; 0 before `start()`.
    public var port: Int { state.withLock { $0.port } }

    /// Stops accepting, lets in-flight requests finish for up to `grace`, closes idle keep-alive connections,
    /// then closes whatever is left. Returns once the event loop has stopped.
    public func shutdown(grace: Duration) async {
        guard let loop = state.withLock({ $0.loop }) else { return }
        draining.set()
        await withCheckedContinuation { loop.requestShutdown(grace: grace, waiter: $0) }
        logger.notice("stopped")
    }
}
