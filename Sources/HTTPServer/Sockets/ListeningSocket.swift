// The server's listening socket: resolves the host (IPv4, IPv6, or "::" for both stacks), binds with
// SO_REUSEADDR so a restart does not wait out TIME_WAIT, and accepts non-blocking connections.
import CSystemLinux
import Glibc

final class ListeningSocket {
    let fd: Int32
    let port: Int

    init(host: String, port: Int, backlog: Int32) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let info = list else { throw SocketError("getaddrinfo(\(host))", errno: status) }
        defer { freeaddrinfo(list) }
        fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError("socket") }
        do {
            try Self.setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            // "::" should take IPv4 clients too (as ::ffff:a.b.c.d); Debian's default bindv6only is 0 but be explicit.
            if info.pointee.ai_family == AF_INET6 { try Self.setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 0) }
            guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else { throw SocketError("bind(\(host):\(port))") }
            guard listen(fd, backlog) == 0 else { throw SocketError("listen") }
            self.port = try Self.boundPort(fd)
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(fd) }

    /// Accepts one pending connection as a non-blocking, TCP_NODELAY socket; nil when none is pending.
    func accept() throws -> (fd: Int32, address: String)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let client = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(fd, $0, &length) }
        }
        if client < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR || errno == ECONNABORTED { return nil }
            throw SocketError("accept")
        }
        _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
        // Responses are written whole in one send; Nagle would only delay the last segment of each.
        try? Self.setOption(client, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        return (client, Self.describe(storage))
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SocketError("setsockopt(\(level), \(name))")
        }
    }

    private static func boundPort(_ fd: Int32) throws -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw SocketError("getsockname") }
        let family = storage.ss_family
        return withUnsafePointer(to: storage) { pointer in
            if family == sa_family_t(AF_INET6) {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }

    /// The peer's numeric address, "::ffff:" stripped from IPv4 clients of a dual-stack listener.
    static func describe(_ storage: sockaddr_storage) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        withUnsafePointer(to: storage) { pointer in
            if storage.ss_family == sa_family_t(AF_INET6) {
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var raw = address.pointee.sin6_addr
                    _ = inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
                }
            } else {
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var raw = address.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
                }
            }
        }
        let address = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return address.hasPrefix("::ffff:") ? String(address.dropFirst(7)) : address
    }
}
