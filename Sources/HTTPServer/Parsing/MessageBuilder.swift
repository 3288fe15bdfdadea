// The request under construction while http_parser calls back: header names and values arrive in pieces and
// are joined here; the head is checked for request-smuggling shapes before any body byte is accepted.
import CHTTPParser
import HTTPTypes

struct MessageBuilder {
    var url: [UInt8] = []
    var body: [UInt8] = []
    var pendingError: HTTPError?
    private(set) var expectsContinue = false
    private var headers = HTTPFields()
    private var fieldName: [UInt8] = []
    private var fieldValue: [UInt8] = []
    private var readingValue = false
    private var contentLengthCount = 0
    private var transferEncoding: String?

    /// False when a header name is not a token, which http_parser should already have refused.
    mutating func appendField(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if readingValue {
            guard flushHeader() else { return false }
        }
        fieldName.append(contentsOf: bytes)
        return true
    }

    mutating func appendValue(_ bytes: UnsafeRawBufferPointer) {
        readingValue = true
        fieldValue.append(contentsOf: bytes)
    }

    private mutating func flushHeader() -> Bool {
        defer {
            fieldName.removeAll(keepingCapacity: true)
            fieldValue.removeAll(keepingCapacity: true)
            readingValue = false
        }
        guard !fieldName.isEmpty else { return true }
        guard let name = HTTPField.Name(String(decoding: fieldName, as: UTF8.self)) else {
            pendingError = .badRequest("invalid header name")
            return false
        }
        let value = String(decoding: fieldValue, as: UTF8.self)
        switch name {
        case .contentLength: contentLengthCount += 1
        case .transferEncoding: transferEncoding = (transferEncoding.map { $0 + "," } ?? "") + value
        case .expect: expectsContinue = value.lowercased() == "100-continue"
        default: break
        }
        headers.append(HTTPField(name: name, value: value))
        return true
    }

    /// The smuggling checks of RFC 9112 section 6.3: a request framed two ways is refused, not guessed at.
    mutating func validateHead(parser: http_parser, maxBodyBytes: Int) -> HTTPError? {
        guard flushHeader() else { return pendingError }
        if parser.method == HTTP_CONNECT.rawValue || parser.upgrade == 1 {
            return .badRequest("CONNECT and protocol upgrades are not supported")
        }
        if parser.http_major != 1 || parser.http_minor > 1 {
            return .badRequest("unsupported HTTP version \(parser.http_major).\(parser.http_minor)")
        }
        if contentLengthCount > 1 { return .badRequest("more than one Content-Length header") }
        if let coding = transferEncoding {
            if contentLengthCount > 0 { return .badRequest("both Content-Length and Transfer-Encoding are present") }
            let normalized = coding.lowercased().filter { $0 != " " && $0 != "\t" }
            if normalized != "chunked" { return .badRequest("unsupported Transfer-Encoding: \(coding)") }
        }
        if contentLengthCount == 1 && parser.content_length > UInt64(maxBodyBytes) {
            return .payloadTooLarge(limit: maxBodyBytes)
        }
        return nil
    }

    func build(method: UInt32, keepAlive: Bool) -> ParsedRequest {
        ParsedRequest(
            method: Self.method(method), target: String(decoding: url, as: UTF8.self),
            headers: headers, body: body, keepAlive: keepAlive)
    }

    private static func method(_ raw: UInt32) -> HTTPRequest.Method {
        switch raw {
        case HTTP_GET.rawValue: return .get
        case HTTP_POST.rawValue: return .post
        case HTTP_PUT.rawValue: return .put
        case HTTP_DELETE.rawValue: return .delete
        case HTTP_HEAD.rawValue: return .head
        case HTTP_OPTIONS.rawValue: return .options
        case HTTP_PATCH.rawValue: return .patch
        default:
            let name = String(cString: http_method_str(http_method(rawValue: raw)))
            return HTTPRequest.Method(name) ?? .get
        }
    }
}
