// The refusals the access layer gives, as HTTPErrors with stable codes and the headers clients need to back off.
import HTTPServer
import HTTPTypes

enum AccessDenial {
    static let keyRequired = HTTPError(
        .forbidden, code: "api_key_required",
        message: "Visit the server's operator to get an API key; send it as api_key or in the Authorization header")
    static let invalidKey = HTTPError(.forbidden, code: "invalid_api_key", message: "Invalid API key")
    static let adminRequired = HTTPError(
        .forbidden, code: "admin_required", message: "This operation needs an admin API key")

    static func quotaExceeded(deepL: Bool, used: Int, quota: Int) -> HTTPError {
        // 456 is DeepL's own "Quota exceeded. The character limit has been reached."; elsewhere 403 as
        // LibreTranslate answers a key that may not translate more.
        HTTPError(
            deepL ? HTTPResponse.Status(code: 456, reasonPhrase: "Quota Exceeded") : .forbidden,
            code: "quota_exceeded", message: "Quota exceeded: \(used) of \(quota) characters used")
    }

    static func rateLimited(_ decision: RateLimitDecision) -> HTTPError {
        var headers = decision.headers
        headers[.retryAfter] = String(decision.retryAfterSeconds)
        return HTTPError(
            .tooManyRequests, code: "rate_limited",
            message: "Too many requests: slow down, retry in \(decision.retryAfterSeconds) s", headers: headers)
    }
}

extension RateLimitDecision {
    /// `X-RateLimit-Limit/Remaining/Reset` as most APIs send them (Reset in seconds from now).
    public var headers: HTTPFields {
        var fields = HTTPFields()
        fields[HTTPField.Name("X-RateLimit-Limit")!] = String(limit)
        fields[HTTPField.Name("X-RateLimit-Remaining")!] = String(remaining)
        fields[HTTPField.Name("X-RateLimit-Reset")!] = String(resetSeconds)
        return fields
    }
}
