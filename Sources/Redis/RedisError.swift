// Every failed Redis operation becomes one of these, carrying what is needed to act on it: the operation
// (connect target or command name), hiredis's error code (REDIS_ERR_IO, REDIS_ERR_EOF, …) and its message.
import CHiredis

public struct RedisError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The connection failed or broke (hiredis set `err`); the context is unusable and is dropped.
        case connection
        /// The server answered with an error reply where the client needed success (AUTH, SELECT).
        case server
        /// Redis was recently unreachable and the client is waiting out its backoff window: no attempt was made.
        case unavailable
        /// The reply did not have the shape the command promises.
        case unexpectedReply
    }

    public let kind: Kind
    public let operation: String
    /// hiredis's `redisContext.err` for `.connection` errors (REDIS_ERR_IO = 1, REDIS_ERR_EOF = 3, …), else 0.
    public let code: Int32
    public let message: String

    public init(kind: Kind, operation: String, code: Int32 = 0, message: String) {
        self.kind = kind
        self.operation = operation
        self.code = code
        self.message = message
    }

    /// The server closed the connection (EOF): what a kept connection meets after Redis restarted.
    public var isClosedByServer: Bool { kind == .connection && code == REDIS_ERR_EOF }

    public var description: String {
        let code = code == 0 ? "" : " (hiredis err \(code)\(Self.codeName(code)))"
        return "Redis \(kind.rawValue) error in \(operation)\(code): \(message)"
    }

    private static func codeName(_ code: Int32) -> String {
        switch code {
        case REDIS_ERR_IO: " REDIS_ERR_IO"
        case REDIS_ERR_EOF: " REDIS_ERR_EOF"
        case REDIS_ERR_PROTOCOL: " REDIS_ERR_PROTOCOL"
        case REDIS_ERR_OOM: " REDIS_ERR_OOM"
        case REDIS_ERR_OTHER: " REDIS_ERR_OTHER"
        default: ""
        }
    }
}
