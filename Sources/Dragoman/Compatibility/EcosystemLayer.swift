// Everything issue 7 adds around the service's own routes, built from one Application: the LibreTranslate and
// DeepL routes, /metrics, /openapi.json and /ready, and the metrics → dialect errors → access middleware stack.
// The service wires it with one call: `layer.responder(wrapping: routeTable)`.
import Cache
import Engines
import Foundation
import HTTPServer
import HTTPTypes
import Redis

public struct EcosystemLayer: Sendable {
    public let metrics: DragomanMetrics
    public let access: AccessControl
    public let readiness: Readiness
    public let routes: [RouteEntry]

    public static func make(application: Application, access settings: AccessConfiguration) async throws -> EcosystemLayer {
        let configuration = application.configuration
        var settings = settings
        settings.adminKey = settings.adminKey ?? configuration.adminKey
        let keysPath = settings.keysFile ?? URL(fileURLWithPath: configuration.dataDir).appendingPathComponent("keys.sqlite").path
        let access = try AccessControl(
            configuration: settings, store: try await KeyStore(path: keysPath),
            limiter: try limiter(settings: settings, redis: configuration.cache.redis))
        try await access.importConfiguredKeys()
        let metrics = DragomanMetrics(gauges: { await EcosystemGauges.sample(application) })
        let readiness = Readiness(checks: EcosystemReadiness.checks(application))
        let backend = ServiceBackend(service: application.service)
        let lt = LibreTranslateAPI(backend: backend, settings: LibreTranslateSettings(
            apiKeys: { (try? await access.isActive()) ?? true }, keyRequired: settings.keysRequired))
        let routes = CompatibilityRoutes.all(libreTranslate: lt, deepL: DeepLAPI(backend: backend, access: access))
            + ObservabilityRoutes.all(metrics: metrics, readiness: readiness, version: DragomanVersion.current)
        return EcosystemLayer(metrics: metrics, access: access, readiness: readiness, routes: routes)
    }

    /// `inner` (the service's route table) with this layer's routes in front and its middleware around both.
    public func responder(wrapping inner: any Responder) -> any Responder {
        MiddlewareResponder(
            [MetricsMiddleware(metrics: metrics), CompatibilityErrorMiddleware(), AccessMiddleware(control: access)],
            responder: EcosystemRouter(routes: routes, fallback: inner))
    }

    /// Shared buckets when Redis is configured and sharing is on (this instance's own while Redis is down);
    /// in-process buckets otherwise.
    static func limiter(settings: AccessConfiguration, redis: CacheConfiguration.Redis) throws -> any RateLimiter {
        guard settings.sharedLimits, redis.enabled, let url = redis.url else { return LocalRateLimiter() }
        return FallbackRateLimiter(
            shared: RedisRateLimiter(redis: RedisClient(url: try RedisURL(url))), local: LocalRateLimiter())
    }
}

/// Exact-path routes of this layer; anything else goes to the service's table.
struct EcosystemRouter: Responder {
    let routes: [RouteEntry]
    let fallback: any Responder

    func respond(to request: Request) async throws -> Response {
        let matching = routes.filter { $0.path == request.path }
        guard !matching.isEmpty else { return try await fallback.respond(to: request) }
        if let route = matching.first(where: { $0.method == request.method }) {
            return try await route.responder.respond(to: request)
        }
        let allow = matching.map(\.method.rawValue).joined(separator: ", ")
        throw HTTPError(.methodNotAllowed, code: "method_not_allowed", message: "allowed methods: \(allow)",
                        headers: [.allow: allow])
    }
}
