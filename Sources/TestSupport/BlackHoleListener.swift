// A TCP listener on loopback that completes handshakes (the kernel does, from the listen backlog) and never
// reads or replies: the "Redis that accepts connections but never answers" of the timeout tests.
import Foundation
import Glibc

public final class BlackHoleListener: Sendable {
    public let port: Int
    private let descriptor: Int32

    public init() throws {
        let (descriptor, port) = try RedisServer.listenOnLoopback(backlog: 128)
        self.descriptor = descriptor
        self.port = port
    }

    deinit { close(descriptor) }

    public var url: String { "redis://127.0.0.1:\(port)/0" }
}

/// Free loopback ports, found by binding port 0 and asking the kernel which port it chose. Namespaced under
/// RedisServer so that TestSupport's other helpers can have port helpers of their own.
extension RedisServer {
    /// A port that was free a moment ago (the socket is closed again, so a server can bind it).
    public static func freePort() throws -> Int {
        let (descriptor, port) = try listenOnLoopback(backlog: 1)
        close(descriptor)
        return port
    }

    /// A listening socket on 127.0.0.1 and its port.
    public static func listenOnLoopback(backlog: Int32) throws -> (Int32, Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && Glibc.listen(descriptor, backlog) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard ok else {
            let code = errno
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }
}
