// EVAL through the Redis wrapper's argv command (no format strings), replies flattened to strings.
import Redis

extension RedisClient: RedisScripting {
    public func evaluate(script: String, keys: [String], arguments: [String]) async throws -> [String] {
        let reply = try command(["EVAL", script, String(keys.count)] + keys + arguments)
        switch reply {
        case .array(let items): return items.map(\.text)
        case .error(let message): throw RedisRateLimiterError.scriptFailed(message)
        default: return [reply.text]
        }
    }
}

extension RedisValue {
    fileprivate var text: String {
        switch self {
        case .string(let bytes): String(decoding: bytes, as: UTF8.self)
        case .integer(let value): String(value)
        case .status(let value), .error(let value): value
        case .array, .null: ""
        }
    }
}
