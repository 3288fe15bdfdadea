// The local side of a download: a `<file>.part` that grows across attempts, its digest, and the final rename that
// makes the file appear whole or not at all (rename(2) is atomic within one file system).
import Crypto
import Glibc

enum DownloadFile {
    static func partPath(for path: String) -> String { path + ".part" }

    /// The size of the file at `path`, or 0 when there is none.
    static func size(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// Opens `path` for appending after cutting it to `length` bytes (creating it if missing).
    static func openForAppend(_ path: String, truncatingTo length: Int64) throws(HTTPClientError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .file(path: path, operation: "open", errno: errno) }
        guard ftruncate(descriptor, off_t(length)) == 0 else {
            let code = errno
            close(descriptor)
            throw .file(path: path, operation: "truncate", errno: code)
        }
        return descriptor
    }

    static func sha256(_ path: String) throws(HTTPClientError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .file(path: path, operation: "open", errno: errno) }
        defer { close(descriptor) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .file(path: path, operation: "read", errno: errno) }
            if count == 0 { break }
            hasher.update(data: buffer[0..<count])
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    static func rename(_ source: String, to destination: String) throws(HTTPClientError) {
        guard Glibc.rename(source, destination) == 0 else {
            throw .file(path: destination, operation: "rename", errno: errno)
        }
    }

    static func remove(_ path: String) { unlink(path) }
}
