// The way Dragoman talks to Redis: an actor on its own dispatch thread (hiredis blocks on sockets, which must not
// happen on the cooperative pool) that connects lazily, drops a broken connection, and reconnects with exponential
// backoff. Workload: one MGET or one pipeline per cache batch; while Redis is down, calls fail at once.
import Executors

public actor RedisClient {
    public struct Options: Sendable {
        public var connectTimeout: Duration
        public var commandTimeout: Duration
        public var initialBackoff: Duration
        public var maximumBackoff: Duration

        /// 50 ms timeouts: a Redis on the same network answers in well under a millisecond, so anything slower is
        /// treated as down rather than allowed to stall a translation request.
        public init(
            connectTimeout: Duration = .milliseconds(50), commandTimeout: Duration = .milliseconds(50),
            initialBackoff: Duration = .milliseconds(100), maximumBackoff: Duration = .seconds(2)
        ) {
            self.connectTimeout = connectTimeout
            self.commandTimeout = commandTimeout
            self.initialBackoff = initialBackoff
            self.maximumBackoff = maximumBackoff
        }
    }

    public nonisolated let url: RedisURL
    public nonisolated let options: Options
    private let executor: DispatchQueueExecutor
    private var connection: RedisConnection?
    private var backoff: Backoff
    /// The error that took the connection down, until a command succeeds again.
    public private(set) var lastError: RedisError?
    /// Connection attempts made so far, including failed ones (tests check the backoff with it).
    public private(set) var connectAttempts = 0

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    public init(url: RedisURL, options: Options = Options()) {
        self.url = url
        self.options = options
        self.executor = DispatchQueueExecutor(label: "dragoman.redis")
        self.backoff = Backoff(initial: options.initialBackoff, maximum: options.maximumBackoff)
    }

    public var isHealthy: Bool { lastError == nil }

    public func command(_ arguments: [[UInt8]]) throws(RedisError) -> RedisValue {
        try withConnection { connection throws(RedisError) in try connection.command(arguments) }
    }

    public func command(_ arguments: [String]) throws(RedisError) -> RedisValue {
        try command(arguments.map { Array($0.utf8) })
    }

    /// Runs every command in one round trip; the replies come back in order.
    public func pipeline(_ commands: [[[UInt8]]]) throws(RedisError) -> [RedisValue] {
        try withConnection { connection throws(RedisError) in try connection.pipeline(commands) }
    }

    /// Runs `body` on the live connection. A kept connection that the server closed meanwhile (Redis restarted,
    /// or its idle timeout: EOF on first use) is replaced at once and `body` runs once more, so the first request
    /// after Redis returns is not a miss. Every other failure drops the connection and opens the backoff window.
    private func withConnection<T>(_ body: (RedisConnection) throws(RedisError) -> T) throws(RedisError) -> T {
        let kept = connection != nil
        let connection = try connected()
        do {
            let value = try body(connection)
            succeeded()
            return value
        } catch {
            if kept && error.isClosedByServer {
                self.connection = nil
                return try withConnection(body)  // a fresh connection this time: no second retry
            }
            drop(error)
            throw error
        }
    }

    /// The live connection, or a new one unless the backoff window is still open.
    private func connected() throws(RedisError) -> RedisConnection {
        if let connection { return connection }
        let now = ContinuousClock.now
        if backoff.isWaiting(at: now) {
            let reason = lastError.map { "\($0)" } ?? "recently unreachable"
            throw RedisError(kind: .unavailable, operation: "connect \(url)", message: "backing off: \(reason)")
        }
        connectAttempts += 1
        do {
            let connection = try RedisConnection(
                url: url, connectTimeout: options.connectTimeout, commandTimeout: options.commandTimeout)
            self.connection = connection
            return connection
        } catch {
            drop(error)
            throw error
        }
    }

    /// The backoff resets on a reply, not on a connect: a server that accepts connections but never answers
    /// (a black hole, a hung Redis) must still see the window grow.
    private func succeeded() {
        lastError = nil
        backoff.succeeded()
    }

    /// Forgets a broken connection (its stream may hold a late reply) and opens the backoff window.
    private func drop(_ error: RedisError) {
        guard error.kind != .unavailable else { return }
        connection = nil
        lastError = error
        backoff.failed(at: ContinuousClock.now)
    }
}
