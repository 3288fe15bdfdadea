// The server's stable error codes, one factory each, so every part of the server spells them the same way.
import HTTPTypes

extension HTTPError {
    public static func badRequest(_ message: String) -> HTTPError {
        HTTPError(.badRequest, code: "bad_request", message: message)
    }
    public static func notFound(_ message: String = "no route matches this path") -> HTTPError {
        HTTPError(.notFound, code: "not_found", message: message)
    }
    public static func methodNotAllowed(allowed: [HTTPRequest.Method]) -> HTTPError {
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        return HTTPError(.methodNotAllowed, code: "method_not_allowed", message: "allowed methods: \(allow)",
                         headers: [.allow: allow])
    }
    public static func payloadTooLarge(limit: Int) -> HTTPError {
        HTTPError(.contentTooLarge, code: "payload_too_large", message: "request body exceeds \(limit) bytes")
    }
    public static func headerTooLarge(limit: Int) -> HTTPError {
        HTTPError(.init(code: 431, reasonPhrase: "Request Header Fields Too Large"), code: "header_too_large",
                  message: "request line and headers exceed \(limit) bytes")
    }
    public static func requestTimeout() -> HTTPError {
        HTTPError(.requestTimeout, code: "request_timeout", message: "the request was not received in time")
    }
    public static func handlerTimeout() -> HTTPError {
        HTTPError(.gatewayTimeout, code: "handler_timeout", message: "the request took too long to handle")
    }
    public static func tooManyConnections() -> HTTPError {
        HTTPError(.serviceUnavailable, code: "too_many_connections", message: "the server is at its connection limit")
    }
    public static func internalError() -> HTTPError {
        HTTPError(.internalServerError, code: "internal_error", message: "the server failed to handle the request")
    }
}
