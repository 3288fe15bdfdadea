// A real redis-server for tests, on a free loopback port, with persistence off so nothing touches the disk.
// `kill()` is SIGKILL (the outage a test wants to survive); `restart()` brings it back on the same port.
// The process is killed when the value goes away, so a failing test leaves no server behind.
import Foundation
import Redis

public final class RedisServer: @unchecked Sendable {
    // @unchecked: `process` is the only mutable state and every access holds `lock`.
    public static let executable = "/usr/bin/redis-server"
    public let port: Int
    public let password: String?
    /// A Unix socket the server also listens on, when asked for (for `unix://` URLs).
    public let unixSocket: String?
    private let lock = NSLock()
    private var process: Process?

    /// Starts a server on a free port and returns once it answers PING.
    public init(password: String? = nil, unixSocket: Bool = false) throws {
        self.port = try Self.freePort()
        self.password = password
        self.unixSocket = unixSocket ? NSTemporaryDirectory() + "dragoman-redis-\(UUID().uuidString).sock" : nil
        try start()
    }

    deinit {
        kill()
        if let unixSocket { try? FileManager.default.removeItem(atPath: unixSocket) }
    }

    public var url: RedisURL {
        RedisURL(endpoint: .tcp(host: "127.0.0.1", port: port), password: password)
    }

    public var urlString: String {
        "redis://" + (password.map { ":\($0)@" } ?? "") + "127.0.0.1:\(port)/0"
    }

    /// Starts (again) on the same port and waits until the server answers PING.
    public func start() throws {
        var arguments = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        if let password { arguments += ["--requirepass", password] }
        if let unixSocket { arguments += ["--unixsocket", unixSocket, "--unixsocketperm", "700"] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        lock.withLock { self.process = process }
        try waitUntilReady()
    }

    /// SIGKILL: no goodbye to clients, exactly what a crashed or unplugged Redis looks like.
    public func kill() {
        let process = lock.withLock { () -> Process? in
            defer { self.process = nil }
            return self.process
        }
        guard let process, process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    public func stop() { kill() }

    public func restart() throws {
        kill()
        try start()
    }

    /// A plain connection for a test to inspect or tamper with the server's keys.
    public func connect() throws -> RedisConnection {
        try RedisConnection(url: url, connectTimeout: .seconds(1), commandTimeout: .seconds(5))
    }

    private func waitUntilReady() throws {
        let deadline = Date().addingTimeInterval(10)
        var lastError: Error?
        while Date() < deadline {
            do {
                if try connect().command(["PING"]) == .status("PONG") { return }
            } catch {
                lastError = error
            }
            usleep(10_000)
        }
        throw RedisServerError(port: port, reason: "no PONG within 10 s; last error: \(String(describing: lastError))")
    }
}

public struct RedisServerError: Error, CustomStringConvertible {
    public let port: Int
    public let reason: String
    public var description: String { "redis-server on port \(port): \(reason)" }
}
