// On the compatible paths, errors speak the dialect their clients parse: LibreTranslate's `{"error": "…"}` and
// DeepL's `{"message": "…"}`, keeping the status (and headers such as Retry-After). Dragoman's own
// `{"error": {"code", "message"}}` stays everywhere else. Sits outside the access middleware so its refusals
// (403, 429, 456) are reshaped too.
import Engines
import Foundation
import HTTPServer
import HTTPTypes

public struct CompatibilityErrorMiddleware: Sendable {
    public init() {}

    enum Dialect { case libreTranslate, deepL }

    static let libreTranslatePaths: Set<String> = ["/translate", "/detect", "/languages", "/frontend/settings"]

    static func dialect(of path: String) -> Dialect? {
        if libreTranslatePaths.contains(path) { return .libreTranslate }
        return path.hasPrefix("/v2/") ? .deepL : nil
    }

    public func respond(to request: Request, next: any Responder) async throws -> Response {
        guard let dialect = Self.dialect(of: request.path) else { return try await next.respond(to: request) }
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.render(Self.httpError(from: error), in: dialect)
        }
    }

    static func httpError(from error: any Error) -> HTTPError {
        switch error {
        case let error as HTTPError: error
        case EngineError.unsupportedPair(let pair):
            HTTPError(.badRequest, code: "unsupported_pair", message: "\(pair.source)-\(pair.target) is not supported")
        case let error as EngineError:
            HTTPError(.internalServerError, code: "engine_failed", message: "Cannot translate text: \(error)")
        default:
            HTTPError(.internalServerError, code: "internal", message: "Cannot translate text: \(error)")
        }
    }

    static func render(_ error: HTTPError, in dialect: Dialect) -> Response {
        let body: [String: String] =
            switch dialect {
            case .libreTranslate: ["error": error.message]
            case .deepL: ["message": error.message]
            }
        var response = (try? Response.json(body, status: error.status)) ?? Response(status: error.status)
        for field in error.headers { response.headers.append(field) }
        return response
    }
}
