// A Redis reply as a Swift value. hiredis replies are copied into one of these and freed before the call that
// read them returns, so no hiredis memory ever outlives a RedisConnection method (hiredis 0.14 speaks RESP2 only).
import CHiredis

public enum RedisValue: Sendable, Hashable {
    /// A bulk string: binary-safe bytes.
    case string([UInt8])
    case integer(Int64)
    case array([RedisValue])
    /// A nil bulk string or nil array (a missing key in GET/MGET).
    case null
    /// A simple status such as "OK" or "PONG".
    case status(String)
    /// An error reply from the server ("WRONGTYPE …", "NOAUTH …").
    case error(String)

    public var bytes: [UInt8]? {
        if case .string(let bytes) = self { return bytes }
        return nil
    }

    public var text: String? {
        switch self {
        case .string(let bytes): String(decoding: bytes, as: UTF8.self)
        case .status(let text), .error(let text): text
        default: nil
        }
    }

    public var isError: Bool {
        if case .error = self { return true }
        return false
    }
}

extension RedisValue {
    /// Deep-copies a hiredis reply. The caller still owns `reply` and frees it with freeReplyObject.
    init(copying reply: UnsafePointer<redisReply>) {
        let node = reply.pointee
        switch node.type {
        case REDIS_REPLY_STRING:
            self = .string(Self.bytes(node.str, node.len))
        case REDIS_REPLY_INTEGER:
            self = .integer(node.integer)
        case REDIS_REPLY_ARRAY:
            let children = (0..<node.elements).map { index in
                node.element[index].map { RedisValue(copying: $0) } ?? .null
            }
            self = .array(children)
        case REDIS_REPLY_STATUS:
            self = .status(String(decoding: Self.bytes(node.str, node.len), as: UTF8.self))
        case REDIS_REPLY_ERROR:
            self = .error(String(decoding: Self.bytes(node.str, node.len), as: UTF8.self))
        default:
            self = .null
        }
    }

    private static func bytes(_ pointer: UnsafeMutablePointer<CChar>?, _ count: Int) -> [UInt8] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
