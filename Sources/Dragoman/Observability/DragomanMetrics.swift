// Dragoman's metrics: recorded through the swift-metrics API, kept in a swift-prometheus registry that
// `GET /metrics` renders. Labels are route patterns, engines, pairs, tiers and statuses only — never a client
// address or key, each of which would make a new series per caller. The registry is per instance (not the global
// MetricsSystem) so tests and several servers in one process do not share counts.
import CoreMetrics
import Foundation
import Metrics
import Prometheus
import Synchronization

public final class DragomanMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    private let sampler: ScrapeSampler
    /// Request series made once and reused: making them per request (a registry lookup under its lock, label
    /// strings built each time) was 3.5% of the server's CPU under cached load (perf). Bounded: routes are
    /// patterns and statuses few.
    private let requestSeries = Mutex<[RequestSeries: RequestHandles]>([:])

    public init(gauges: @escaping @Sendable () async -> ServiceGauges = { ServiceGauges() }) {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Translation latencies run from ~1 ms (cache) to seconds (a 5,000-character Marian text).
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        self.registry = registry
        self.factory = factory
        self.sampler = ScrapeSampler(factory: factory, gauges: gauges)
    }

    /// One finished HTTP request, labelled by the route pattern (`/api/task/{id}`), not the raw path.
    public func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let key = RequestSeries(route: route, method: method, status: status)
        let handles = requestSeries.withLock { series in
            if let known = series[key] { return known }
            let made = RequestHandles(
                count: CoreMetrics.Counter(
                    label: "dragoman_http_requests_total",
                    dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory),
                duration: Metrics.Timer(
                    label: "dragoman_http_request_duration_seconds", dimensions: [("route", route), ("method", method)],
                    factory: factory))
            series[key] = made
            return made
        }
        handles.count.increment()
        handles.duration.record(duration: duration)
    }

    /// The Prometheus text exposition (version 0.0.4), gauges sampled now.
    public func render() async -> [UInt8] {
        await sampler.sample()
        return registry.emitToBuffer()
    }
}

private struct RequestSeries: Hashable {
    let route: String
    let method: String
    let status: Int
}

private struct RequestHandles: Sendable {
    let count: CoreMetrics.Counter
    let duration: Metrics.Timer
}

extension Metrics.Timer {
    fileprivate func record(duration: Duration) {
        let (seconds, attoseconds) = duration.components
        recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
