// Request checks shared by both compatible APIs: body parsing with a clear 400, and text count/size limits.
import HTTPServer
import HTTPTypes

enum CompatibilityRequest {
    static func fields(of request: Request) throws -> RequestFields {
        do {
            return try RequestFields(request: request)
        } catch {
            throw HTTPError(.badRequest, code: "invalid_body", message: "Invalid request: \(error.message)")
        }
    }

    static func missing(_ name: String) -> HTTPError {
        HTTPError(.badRequest, code: "missing_parameter", message: "Invalid request: missing \(name) parameter")
    }

    /// LibreTranslate answers oversize requests with 400, DeepL with 413: each API passes its own status.
    static func check(_ texts: [String], limits: CompatibilityLimits, status: HTTPResponse.Status) throws {
        if texts.count > limits.maxTexts {
            throw HTTPError(
                status, code: "too_many_texts",
                message: "Invalid request: \(texts.count) texts exceed the batch limit (\(limits.maxTexts))")
        }
        if let long = texts.first(where: { $0.count > limits.maxCharacters }) {
            throw HTTPError(
                status, code: "text_too_long",
                message: "Invalid request: request (\(long.count)) exceeds text limit (\(limits.maxCharacters))")
        }
    }
}
