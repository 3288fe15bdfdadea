// The error every socket and epoll call throws: which operation failed and the errno it left behind.
import Glibc

public struct SocketError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var errno: Int32

    init(_ operation: String, errno: Int32 = Glibc.errno) {
        self.operation = operation
        self.errno = errno
    }

    public var description: String { "\(operation) failed: \(String(cString: strerror(errno))) (errno \(errno))" }
}
