// A deliberately dumb HTTP/1.1 client over a blocking loopback socket, for end-to-end tests: it sends exactly
// the bytes it is given (malformed ones included) and reads responses by Content-Length. Blocking calls carry
// socket timeouts so a broken server fails a test instead of hanging it; run them through `offThePool`.
import Dispatch
import Foundation
import Glibc
import Synchronization

public struct RawHTTPResponse: Sendable {
    public var status: Int
    /// Header names lowercased; a repeated header keeps its last value.
    public var headers: [String: String]
    public var body: [UInt8]

    public var text: String { String(decoding: body, as: UTF8.self) }
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The stable `code` of a JSON error body, if the body is one.
    public var errorCode: String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let error = object["error"] as? [String: Any]
        else { return nil }
        return error["code"] as? String
    }
}

public struct RawHTTPClientError: Error, CustomStringConvertible {
    public var description: String
}

/// Sendable so a test can hand a connection between threads; calls are serialised by `buffer`'s lock,
/// which is held across the blocking socket call (one test drives one connection at a time).
public final class RawHTTPClient: Sendable {
    public let fd: Int32
    private let buffer = Mutex<[UInt8]>([])

    public init(host: String = "127.0.0.1", port: Int, timeoutSeconds: Int = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPClientError(description: "socket: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            // No close here: the instance is fully initialised, so deinit runs and closes fd exactly once.
            let code = errno
            throw RawHTTPClientError(description: "connect to \(host):\(port): errno \(code)")
        }
    }

    deinit { Glibc.close(fd) }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw RawHTTPClientError(description: "send: errno \(errno)") }
            offset += sent
        }
    }

    /// Reads one response (a 100 Continue counts as one). Throws if the server closes before it is complete.
    /// A response to HEAD has no body whatever its Content-Length says: pass `toHead: true`.
    public func readResponse(toHead: Bool = false) throws -> RawHTTPResponse {
        try buffer.withLock { try Self.readResponse(toHead: toHead, fd: fd, buffer: &$0) }
    }

    /// True when the server has closed the connection (EOF, or a reset) after any bytes still buffered.
    public func isClosedByServer() -> Bool {
        buffer.withLock { (try? Self.readMore(fd, &$0)) != true }
    }

    private static func readResponse(toHead: Bool, fd: Int32, buffer: inout [UInt8]) throws -> RawHTTPResponse {
        let headEnd = try readUntilHeadEnd(fd, &buffer)
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusParts = lines.removeFirst().split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw RawHTTPClientError(description: "bad status line in \(head)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = status < 200 || toHead ? 0 : Int(headers["content-length"] ?? "") ?? -1
        let body = length >= 0 ? try readExactly(length, fd, &buffer) : try readToEnd(fd, &buffer)
        return RawHTTPResponse(status: status, headers: headers, body: body)
    }

    private static func readUntilHeadEnd(_ fd: Int32, _ buffer: inout [UInt8]) throws -> Int {
        let marker: [UInt8] = Array("\r\n\r\n".utf8)
        while true {
            if buffer.count >= 4, let range = buffer.firstRange(of: marker) { return range.lowerBound }
            guard try readMore(fd, &buffer) else { throw RawHTTPClientError(description: "connection closed before a response head") }
        }
    }

    private static func readExactly(_ count: Int, _ fd: Int32, _ buffer: inout [UInt8]) throws -> [UInt8] {
        while buffer.count < count {
            guard try readMore(fd, &buffer) else { throw RawHTTPClientError(description: "connection closed inside a body") }
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    private static func readToEnd(_ fd: Int32, _ buffer: inout [UInt8]) throws -> [UInt8] {
        while try readMore(fd, &buffer) {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// False on EOF or reset; throws on timeout.
    private static func readMore(_ fd: Int32, _ buffer: inout [UInt8]) throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
        if count == 0 || errno == ECONNRESET { return false }
        throw RawHTTPClientError(description: "recv: errno \(errno) (timed out?)")
    }
}

/// Runs blocking socket work on a thread outside Swift's cooperative pool, so a test waiting on a socket never
/// starves the server's handler tasks of threads.
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 1 << 20
        thread.start()
    }
}

extension RawHTTPClient {
    /// One request on a fresh connection, off the cooperative pool.
    public static func exchange(port: Int, _ request: String) async throws -> RawHTTPResponse {
        try await offThePool {
            let client = try RawHTTPClient(port: port)
            try client.send(request)
            return try client.readResponse()
        }
    }
}
