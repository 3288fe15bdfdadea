// gzip for response bodies (zlib's deflate with a gzip wrapper). Runs in the handler's task, never on the event
// loop; level 6 is zlib's default trade of speed for size. The z_stream lives only inside one call.
import CZlib

enum Gzip {
    struct Failure: Error, CustomStringConvertible {
        var operation: String
        var code: Int32
        var description: String { "\(operation) failed with zlib code \(code)" }
    }

    static func compress(_ input: [UInt8], level: Int32 = 6) throws -> [UInt8] {
        var stream = z_stream()
        let status = czlib_deflate_init_gzip(&stream, level)
        guard status == Z_OK else { throw Failure(operation: "deflateInit2", code: status) }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 32
        var output = [UInt8](repeating: 0, count: bound)
        let result: Int32 = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END else { throw Failure(operation: "deflate", code: result) }
        output.removeLast(Int(stream.avail_out))
        return output
    }

    /// True when Accept-Encoding lists gzip (or *) without refusing it with q=0 (RFC 9110 section 12.5.3).
    static func isAccepted(by acceptEncoding: String) -> Bool {
        for item in acceptEncoding.lowercased().split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.filter { $0 != " " && $0 != "\t" } }
            guard let coding = parts.first, coding == "gzip" || coding == "*" else { continue }
            let refused = parts.dropFirst().contains { $0.hasPrefix("q=") && Double($0.dropFirst(2)) == 0 }
            return !refused
        }
        return false
    }
}

extension Gzip {
    /// The inverse of `compress`, for tests and for clients of our own responses.
    static func decompress(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        let status = czlib_inflate_init_gzip(&stream)
        guard status == Z_OK else { throw Failure(operation: "inflateInit2", code: status) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var source = input
        let result: Int32 = source.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            var code = Z_OK
            while code == Z_OK {
                code = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[..<(chunk.count - Int(stream.avail_out))])
            }
            return code
        }
        guard result == Z_STREAM_END else { throw Failure(operation: "inflate", code: result) }
        return output
    }
}
