// Every way an outbound HTTP call can fail, each carrying the evidence needed to act on it: the URL, libcurl's
// code and text, the HTTP status and body, the file and errno, or the two digests that disagree.
import CCurl

public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libcurl failed before a complete response arrived: connection refused, timeout, DNS, TLS…
    case transport(url: String, code: Int, message: String)
    /// A response arrived with a status the caller does not accept; `body` is what the server said.
    case status(url: String, status: Int, body: [UInt8])
    /// A downloaded file's SHA-256 is not the one the caller expected.
    case checksumMismatch(url: String, expected: String, actual: String)
    /// Reading or writing a local file failed.
    case file(path: String, operation: String, errno: Int32)
    /// The calling task was cancelled; the transfer was aborted.
    case cancelled(url: String)

    /// True when the server could not be reached at all (as opposed to answering with an error).
    public var isUnreachable: Bool {
        guard case .transport(_, let code, _) = self else { return false }
        let unreachable: [CURLcode] = [CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT,
                                       CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR]
        return unreachable.contains { Int($0.rawValue) == code }
    }

    /// The response body as text, for messages that show what the server said.
    public var bodyText: String? {
        guard case .status(_, _, let body) = self else { return nil }
        return String(decoding: body, as: UTF8.self)
    }

    public var description: String {
        switch self {
        case .transport(let url, let code, let message): "\(url): \(message) (curl code \(code))"
        case .status(let url, let status, let body):
            "\(url): HTTP \(status) \(String(decoding: body.prefix(2000), as: UTF8.self))"
        case .checksumMismatch(let url, let expected, let actual):
            "\(url): SHA-256 mismatch, expected \(expected), got \(actual)"
        case .file(let path, let operation, let errno): "\(operation) \(path): errno \(errno)"
        case .cancelled(let url): "\(url): cancelled"
        }
    }
}
