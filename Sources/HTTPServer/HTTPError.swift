// The one error type that becomes an HTTP response. Handlers throw it; the server renders it as
// {"error": {"code": "...", "message": "..."}}. `code` is stable: clients and tests match on it.
import Foundation
import HTTPTypes

public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public var response: Response {
        struct Body: Encodable {
            struct Detail: Encodable {
                let code: String
                let message: String
            }
            let error: Detail
        }
        var response = (try? Response.json(Body(error: .init(code: code, message: message)), status: status))
            ?? Response(status: status)
        for field in headers { response.headers.append(field) }
        return response
    }
}
