// GET /ready: 200 only when every configured engine has loaded and the task store is open; 503 with the reasons
// otherwise, so an orchestrator routes traffic only to instances that can translate. /health stays liveness.
import HTTPServer

public struct Readiness: Sendable {
    /// One thing that must be up; returns nil when it is, or the reason it is not.
    public typealias Check = @Sendable () async -> String?

    private let checks: [Check]

    public init(checks: [Check]) { self.checks = checks }

    public func reasons() async -> [String] {
        var reasons: [String] = []
        for check in checks {
            if let reason = await check() { reasons.append(reason) }
        }
        return reasons
    }

    public func respond(to request: Request) async throws -> Response {
        struct Body: Encodable {
            let ready: Bool
            let reasons: [String]
        }
        let reasons = await reasons()
        return try Response.json(Body(ready: reasons.isEmpty, reasons: reasons),
                                 status: reasons.isEmpty ? .ok : .serviceUnavailable)
    }
}
