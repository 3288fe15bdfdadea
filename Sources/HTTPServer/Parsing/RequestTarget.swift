// Splits a request target into its percent-decoded path and query parameters (RFC 3986 section 2.1; '+' means
// space in a query, as HTML forms encode it). Malformed escapes and invalid UTF-8 are refused, not guessed at.
struct RequestTarget: Equatable {
    var path: String
    /// The raw path split at "/", then each segment decoded, so an encoded slash stays inside its segment.
    var segments: [String]
    var query: [String: String]

    init(_ target: String) throws(HTTPError) {
        var bytes = Substring(target).utf8[...]
        // Absolute form (RFC 9112 section 3.2.2): keep only what follows the authority.
        if bytes.starts(with: "http://".utf8) || bytes.starts(with: "https://".utf8) {
            let afterScheme = bytes.drop { $0 != UInt8(ascii: "/") }.dropFirst(2)
            bytes = afterScheme.drop { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") }
        }
        let mark = bytes.firstIndex(of: UInt8(ascii: "?"))
        let rawPath = bytes[..<(mark ?? bytes.endIndex)]
        guard let path = Self.decode(rawPath, plusIsSpace: false) else {
            throw .badRequest("the path is not valid percent-encoded UTF-8")
        }
        self.path = path.isEmpty ? "/" : path
        segments = []
        for raw in rawPath.split(separator: UInt8(ascii: "/")) {
            // Cannot fail once the whole path decoded ("/" never sits inside an escape or a UTF-8 sequence).
            guard let segment = Self.decode(raw, plusIsSpace: false) else {
                throw .badRequest("the path is not valid percent-encoded UTF-8")
            }
            segments.append(segment)
        }
        query = [:]
        if let mark { query = try Self.parseQuery(bytes[bytes.index(after: mark)...]) }
    }

    private static func parseQuery(_ bytes: Substring.UTF8View.SubSequence) throws(HTTPError) -> [String: String] {
        var query: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let rawName = pair[..<(equals ?? pair.endIndex)]
            let rawValue = equals.map { pair[pair.index(after: $0)...] } ?? pair[pair.endIndex...]
            guard let name = decode(rawName, plusIsSpace: true), let value = decode(rawValue, plusIsSpace: true) else {
                throw .badRequest("the query string is not valid percent-encoded UTF-8")
            }
            query[name] = value
        }
        return query
    }

    static func decode(_ bytes: Substring.UTF8View.SubSequence, plusIsSpace: Bool) -> String? {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(Substring(bytes))
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let high = bytes.index(after: index)
                guard high < bytes.endIndex, bytes.index(after: high) < bytes.endIndex,
                    let h = hexValue(bytes[high]), let l = hexValue(bytes[bytes.index(after: high)])
                else { return nil }
                output.append(h << 4 | l)
                index = bytes.index(index, offsetBy: 3)
                continue
            }
            output.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = bytes.index(after: index)
        }
        return String(validating: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
