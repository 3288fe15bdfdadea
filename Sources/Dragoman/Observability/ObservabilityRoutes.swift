// /metrics, /openapi.json and /ready as a route table for the service's router.
import HTTPServer
import HTTPTypes

public enum ObservabilityRoutes {
    public static func all(metrics: DragomanMetrics, readiness: Readiness, version: String) -> [RouteEntry] {
        let document = (try? Response.json(OpenAPIDocument.document(version: version))) ?? Response(status: .internalServerError)
        return [
            RouteEntry(method: .get, path: "/metrics", responder: ClosureResponder { _ in
                var response = Response(body: await metrics.render())
                response.headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
                return response
            }),
            RouteEntry(method: .get, path: "/openapi.json", responder: ClosureResponder { _ in document }),
            RouteEntry(method: .get, path: "/ready", responder: ClosureResponder(readiness.respond)),
        ]
    }
}
