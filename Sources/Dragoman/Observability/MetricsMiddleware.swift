// Counts and times every request by route pattern, method and status. Errors thrown by inner layers are counted
// with the status they will be rendered with, then rethrown unchanged.
import HTTPServer

public struct MetricsMiddleware: Sendable {
    let metrics: DragomanMetrics
    let routes: RoutePatterns

    public init(metrics: DragomanMetrics, routes: RoutePatterns = RoutePatterns()) {
        self.metrics = metrics
        self.routes = routes
    }

    public func respond(to request: Request, next: any Responder) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let route = routes.pattern(for: request.path)
        do {
            let response = try await next.respond(to: request)
            metrics.recordRequest(route: route, method: request.method.rawValue, status: Int(response.status.code),
                                  duration: clock.now - start)
            return response
        } catch let error as HTTPError {
            metrics.recordRequest(route: route, method: request.method.rawValue, status: Int(error.status.code),
                                  duration: clock.now - start)
            throw error
        } catch {
            metrics.recordRequest(route: route, method: request.method.rawValue, status: 500, duration: clock.now - start)
            throw error
        }
    }
}
