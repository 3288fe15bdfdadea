// Applies AccessControl to every request: refuses, or passes on and adds rate-limit headers to the answer, then
// charges the key's usage for a successful translation. With nothing configured and no keys stored it passes
// requests straight on.
import HTTPServer

public struct AccessMiddleware: Sendable {
    public let control: AccessControl

    public init(control: AccessControl) { self.control = control }

    public func respond(to request: Request, next: any Responder) async throws -> Response {
        guard try await control.isActive() else { return try await next.respond(to: request) }
        // A body that does not parse is the handler's to report (with its own shape); here it just has no fields.
        let fields = request.method == .post ? ((try? RequestFields(request: request)) ?? RequestFields()) : RequestFields()
        let admission = try await control.admit(request, fields: fields)
        var response = try await next.respond(to: request)
        if let decision = admission.decision {
            for field in decision.headers { response.headers.append(field) }
        }
        if response.status.code < 400 { try await control.record(admission) }
        return response
    }
}
