// Serializes a response into the one buffer the event loop sends with a single write: status line, the handler's
// headers, then Content-Length, Date and Connection, which only the server sets. No Foundation on this path.
import HTTPTypes

enum ResponseEncoder {
    /// Framing headers a handler must not set: the server owns how bytes are delimited (RFC 9112 section 6).
    private static let serverOwned: Set<HTTPField.Name> = [.contentLength, .transferEncoding, .connection, .date]

    static func encode(_ response: Response, keepAlive: Bool, omitBody: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(160 + response.body.count)
        output.append(contentsOf: "HTTP/1.1 ".utf8)
        output.append(contentsOf: String(response.status.code).utf8)
        output.append(UInt8(ascii: " "))
        output.append(contentsOf: response.status.reasonPhrase.utf8)
        output.append(contentsOf: "\r\n".utf8)
        for field in response.headers where !serverOwned.contains(field.name) {
            append(field.name.rawName, field.value, to: &output)
        }
        // RFC 9110 section 8.6: no Content-Length on 1xx and 204 responses.
        if response.status.kind != .informational && response.status != .noContent {
            append("Content-Length", String(response.body.count), to: &output)
        }
        output.append(contentsOf: "Date: ".utf8)
        output.append(contentsOf: HTTPDate.shared.current())
        output.append(contentsOf: keepAlive ? "\r\nConnection: keep-alive\r\n\r\n".utf8 : "\r\nConnection: close\r\n\r\n".utf8)
        if !omitBody && response.status != .noContent && response.status != .notModified {
            output.append(contentsOf: response.body)
        }
        return output
    }

    private static func append(_ name: String, _ value: String, to output: inout [UInt8]) {
        output.append(contentsOf: name.utf8)
        output.append(contentsOf: ": ".utf8)
        output.append(contentsOf: value.utf8)
        output.append(contentsOf: "\r\n".utf8)
    }

    static let continueLine: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
