// One blocking hiredis connection: the single owner of its redisContext, freed in deinit. Not thread-safe;
// `RedisClient` confines it to one serial executor. Commands go through redisCommandArgv (binary-safe, no format
// strings) and pipelines through redisAppendCommandArgv + redisGetReply; every reply is copied and freed at once.
// After any connection error hiredis leaves the context unusable (hiredis README, "Errors"), so callers drop it.
import CHiredis
import Glibc

public final class RedisConnection {
    private let context: UnsafeMutablePointer<redisContext>
    public let url: RedisURL
    public let commandTimeout: Duration

    /// Connects, sets the per-command socket timeout, then AUTH and SELECT as the URL asks.
    public init(url: RedisURL, connectTimeout: Duration, commandTimeout: Duration) throws(RedisError) {
        let operation = "connect \(url)"
        let context: UnsafeMutablePointer<redisContext>? =
            switch url.endpoint {
            case .tcp(let host, let port): redisConnectWithTimeout(host, Int32(port), Self.timeval(connectTimeout))
            case .unix(let path): redisConnectUnixWithTimeout(path, Self.timeval(connectTimeout))
            }
        guard let context else {
            throw RedisError(kind: .connection, operation: operation, code: REDIS_ERR_OOM, message: "out of memory")
        }
        self.context = context
        self.url = url
        self.commandTimeout = commandTimeout
        try checkContext(operation)
        // SO_RCVTIMEO/SO_SNDTIMEO: a read or write that waits longer fails with REDIS_ERR_IO (EAGAIN).
        guard redisSetTimeout(context, Self.timeval(commandTimeout)) == REDIS_OK else {
            try checkContext("set timeout")
            throw RedisError(
                kind: .connection, operation: "set timeout", code: REDIS_ERR_IO, message: "setsockopt failed")
        }
        try login()
    }

    deinit { redisFree(context) }

    /// Sends one command and waits for its reply. Error replies come back as `.error`, not as a throw.
    public func command(_ arguments: [[UInt8]]) throws(RedisError) -> RedisValue {
        let reply = Self.withArgv(arguments) { argc, argv, lengths in
            redisCommandArgv(context, argc, argv, lengths)
        }
        return try take(reply, operation: Self.name(arguments))
    }

    public func command(_ arguments: [String]) throws(RedisError) -> RedisValue {
        try command(arguments.map { Array($0.utf8) })
    }

    /// Sends every command in one write, then reads the replies in order: one round trip for the batch.
    public func pipeline(_ commands: [[[UInt8]]]) throws(RedisError) -> [RedisValue] {
        for arguments in commands {
            let code = Self.withArgv(arguments) { argc, argv, lengths in
                redisAppendCommandArgv(context, argc, argv, lengths)
            }
            if code != REDIS_OK { try checkContext("pipeline \(Self.name(arguments))") }
        }
        var values: [RedisValue] = []
        values.reserveCapacity(commands.count)
        for arguments in commands {
            var reply: UnsafeMutableRawPointer?
            _ = redisGetReply(context, &reply)
            values.append(try take(reply, operation: "pipeline \(Self.name(arguments))"))
        }
        return values
    }

    /// Copies and frees a reply; a nil reply means the context failed.
    private func take(_ reply: UnsafeMutableRawPointer?, operation: String) throws(RedisError) -> RedisValue {
        guard let reply else {
            try checkContext(operation)
            throw RedisError(kind: .connection, operation: operation, message: "no reply")
        }
        defer { freeReplyObject(reply) }
        return RedisValue(copying: reply.assumingMemoryBound(to: redisReply.self))
    }

    private func checkContext(_ operation: String) throws(RedisError) {
        let code = context.pointee.err
        guard code != 0 else { return }
        var message = withUnsafeBytes(of: context.pointee.errstr) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        // A socket timeout (SO_RCVTIMEO) surfaces as EAGAIN's text; say what it means.
        if code == REDIS_ERR_IO, message == String(cString: strerror(EAGAIN)) {
            message += " (no reply within the \(commandTimeout) command timeout)"
        }
        throw RedisError(kind: .connection, operation: operation, code: code, message: message)
    }

    private func login() throws(RedisError) {
        if let password = url.password {
            let arguments = ["AUTH"] + (url.username.map { [$0] } ?? []) + [password]
            if case .error(let message) = try command(arguments) {
                throw RedisError(kind: .server, operation: "AUTH", message: message)
            }
        }
        if url.database != 0, case .error(let message) = try command(["SELECT", String(url.database)]) {
            throw RedisError(kind: .server, operation: "SELECT \(url.database)", message: message)
        }
    }
}

extension RedisConnection {
    /// Lays every argument out in one buffer and passes hiredis pointers into it; they live only for `body`.
    static func withArgv<R>(
        _ arguments: [[UInt8]],
        _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> R
    ) -> R {
        var storage: [UInt8] = []
        storage.reserveCapacity(arguments.reduce(0) { $0 + $1.count } + 1)
        var offsets: [Int] = []
        var lengths: [Int] = []
        for argument in arguments {
            offsets.append(storage.count)
            lengths.append(argument.count)
            storage.append(contentsOf: argument)
        }
        storage.append(0)  // a valid base address even when every argument is empty
        return storage.withUnsafeBufferPointer { bytes in
            let base = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            var argv: [UnsafePointer<CChar>?] = offsets.map { base + $0 }
            return argv.withUnsafeMutableBufferPointer { argv in
                lengths.withUnsafeBufferPointer { lengths in
                    body(Int32(arguments.count), argv.baseAddress!, lengths.baseAddress!)
                }
            }
        }
    }

    static func name(_ arguments: [[UInt8]]) -> String {
        arguments.first.map { String(decoding: $0, as: UTF8.self).uppercased() } ?? "(empty)"
    }

    static func timeval(_ duration: Duration) -> Glibc.timeval {
        let (seconds, attoseconds) = duration.components
        let micros = max(1, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        return Glibc.timeval(tv_sec: Int(micros / 1_000_000), tv_usec: Int(micros % 1_000_000))
    }
}
