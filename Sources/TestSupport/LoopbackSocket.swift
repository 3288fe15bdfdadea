// The raw socket calls behind `LoopbackFileServer`: a listener on a free loopback port, reading one request head
// and body, writing all bytes. Blocking calls on the server's own threads; tests only.
import Foundation

enum LoopbackSocket {
    struct Failure: Error, CustomStringConvertible {
        let operation: String
        let code: Int32
        var description: String { "\(operation): errno \(code)" }
    }

    /// Binds port 0 on 127.0.0.1 so the kernel picks a free port, and reports which one.
    static func listen() throws -> (Int32, Int) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw Failure(operation: "socket", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && Glibc.listen(socket, 64) == 0
                    && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else { throw Failure(operation: "bind/listen", code: errno) }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }

    static func readRequest(_ connection: Int32) -> LoopbackFileServer.RecordedRequest? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        var headEnd: Int?
        var expected = Int.max
        while buffer.count < expected {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            buffer += chunk[0..<count]
            if headEnd == nil, let end = find([13, 10, 13, 10], in: buffer) {
                headEnd = end + 4
                expected = end + 4 + contentLength(String(decoding: buffer[..<end], as: UTF8.self))
            }
        }
        return parse(buffer, headEnd: headEnd!)
    }

    private static func parse(_ buffer: [UInt8], headEnd: Int) -> LoopbackFileServer.RecordedRequest? {
        let lines = String(decoding: buffer[..<(headEnd - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return nil }
        let range = field("range", in: lines)
        return .init(method: String(parts[0]), path: String(parts[1]), range: range, body: Array(buffer[headEnd...]))
    }

    private static func contentLength(_ head: String) -> Int {
        Int(field("content-length", in: head.components(separatedBy: "\r\n")) ?? "0") ?? 0
    }

    private static func field(_ name: String, in lines: [String]) -> String? {
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    static func send(_ connection: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }
}
