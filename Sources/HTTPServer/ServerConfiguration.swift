// Every knob of the HTTP server, with the defaults a single-host deployment wants. Decodes from JSON with
// snake_case keys; a key left out keeps its default, so Config/ files only need what they change.
import Glibc

public struct ServerConfiguration: Sendable, Codable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Request line plus headers; more is answered 431 header_too_large.
    public var maxHeaderBytes = 16 * 1024
    /// Request body after de-chunking; more is answered 413 payload_too_large.
    public var maxBodyBytes = 1024 * 1024
    /// Body limits for exact request paths, in place of `maxBodyBytes` (a batch endpoint takes more than the rest).
    public var maxBodyBytesByPath: [String: Int] = [:]
    /// Open client connections; the next one is answered 503 too_many_connections and closed.
    public var maxConnections = 4096
    /// Requests one connection may have in flight before the server stops reading from it.
    public var maxPipelinedRequests = 16
    /// From a request's first byte to the end of its headers (defeats slowloris): 408 request_timeout.
    public var headerReadTimeoutSeconds = 10.0
    /// From the end of headers to the end of the body: 408 request_timeout.
    public var bodyReadTimeoutSeconds = 30.0
    /// A keep-alive connection with nothing in flight is closed after this long.
    public var idleTimeoutSeconds = 60.0
    /// A handler still running after this long is cancelled and answered 504 handler_timeout.
    public var handlerTimeoutSeconds = 30.0
    /// Bodies larger than this are gzipped when the client accepts gzip.
    public var gzipMinimumBytes = 1024
    /// How long a closing connection keeps draining the client's unread bytes so the final response is not lost
    /// to a TCP reset (RFC 9112 section 9.6).
    public var lingerSeconds = 2.0
    public var listenBacklog = 1024
    /// Event-loop threads; 0 means one per online core.
    public var eventLoops = 0
    /// Requests with a body up to this size run their handler on their connection's event loop; larger ones
    /// (whose JSON alone takes long enough to stall every other connection on the loop) on Swift's global pool.
    /// Response bodies larger than this are gzipped on the pool too.
    public var loopHandlerMaxBodyBytes = 64 * 1024

    public init() {}

    enum CodingKeys: String, CodingKey {
        case host, port
        case maxHeaderBytes = "max_header_bytes"
        case maxBodyBytes = "max_body_bytes"
        case maxBodyBytesByPath = "max_body_bytes_by_path"
        case maxConnections = "max_connections"
        case maxPipelinedRequests = "max_pipelined_requests"
        case headerReadTimeoutSeconds = "header_read_timeout_seconds"
        case bodyReadTimeoutSeconds = "body_read_timeout_seconds"
        case idleTimeoutSeconds = "idle_timeout_seconds"
        case handlerTimeoutSeconds = "handler_timeout_seconds"
        case gzipMinimumBytes = "gzip_minimum_bytes"
        case lingerSeconds = "linger_seconds"
        case listenBacklog = "listen_backlog"
        case eventLoops = "event_loops"
        case loopHandlerMaxBodyBytes = "loop_handler_max_body_bytes"
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try values.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        let defaults = ServerConfiguration()
        host = try value(.host, defaults.host)
        port = try value(.port, defaults.port)
        maxHeaderBytes = try value(.maxHeaderBytes, defaults.maxHeaderBytes)
        maxBodyBytes = try value(.maxBodyBytes, defaults.maxBodyBytes)
        maxBodyBytesByPath = try value(.maxBodyBytesByPath, defaults.maxBodyBytesByPath)
        maxConnections = try value(.maxConnections, defaults.maxConnections)
        maxPipelinedRequests = try value(.maxPipelinedRequests, defaults.maxPipelinedRequests)
        headerReadTimeoutSeconds = try value(.headerReadTimeoutSeconds, defaults.headerReadTimeoutSeconds)
        bodyReadTimeoutSeconds = try value(.bodyReadTimeoutSeconds, defaults.bodyReadTimeoutSeconds)
        idleTimeoutSeconds = try value(.idleTimeoutSeconds, defaults.idleTimeoutSeconds)
        handlerTimeoutSeconds = try value(.handlerTimeoutSeconds, defaults.handlerTimeoutSeconds)
        gzipMinimumBytes = try value(.gzipMinimumBytes, defaults.gzipMinimumBytes)
        lingerSeconds = try value(.lingerSeconds, defaults.lingerSeconds)
        listenBacklog = try value(.listenBacklog, defaults.listenBacklog)
        eventLoops = try value(.eventLoops, defaults.eventLoops)
        loopHandlerMaxBodyBytes = try value(.loopHandlerMaxBodyBytes, defaults.loopHandlerMaxBodyBytes)
    }
}

extension ServerConfiguration {
    var resolvedEventLoops: Int {
        eventLoops > 0 ? eventLoops : Swift.max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// The body limit for a request target ("/api/batch?x=1" is limited as "/api/batch").
    func bodyLimit(forTarget target: [UInt8]) -> Int {
        guard !maxBodyBytesByPath.isEmpty else { return maxBodyBytes }
        let path = String(decoding: target.prefix { $0 != UInt8(ascii: "?") }, as: UTF8.self)
        return maxBodyBytesByPath[path] ?? maxBodyBytes
    }
}

extension Double {
    /// Seconds as monotonic nanoseconds, for deadlines.
    var nanoseconds: UInt64 { UInt64(Swift.max(0, self) * 1_000_000_000) }
}
