// What the decoder hands the connection: a complete request, still with its raw target (decoded later, off the
// event loop), and whether the connection may carry another request after it.
import HTTPTypes

struct ParsedRequest: Sendable {
    var method: HTTPRequest.Method
    var target: String
    var headers: HTTPFields
    var body: [UInt8]
    var keepAlive: Bool
}

enum DecoderEvent {
    /// The client sent `Expect: 100-continue` and the announced body is within limits.
    case continueExpected
    case request(ParsedRequest)
    /// The bytes cannot be a valid request; answer this error and close the connection.
    case failure(HTTPError)
}
