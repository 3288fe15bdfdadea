// Operations endpoints: /health (ok | degraded | down, 503 only when nothing can be served), the cache's stats,
// and clearing the cache (an admin operation: AccessControl asks for an admin key once one is configured or stored).
import Cache
import Engines
import Foundation
import HTTPServer
import HTTPTypes
import Jobs

struct HealthView: Encodable, Sendable {
    struct Components: Encodable, Sendable {
        var engines: [String: EngineHealth]
        var queue: QueueView
        var task_store: TaskStoreHealth
        var cache: CacheHealth?
    }
    struct QueueView: Encodable, Sendable {
        var depth: Int
        var capacity: Int
        var workers: Int
        var busy: Int
        var in_flight: Int
        var completed: Int
        var failed: Int
        var retried: Int
        var shared: Int
    }
    var status: String
    var version: String
    var uptime_s: Double
    var components: Components
}

extension DragomanAPI {
    func health(_ request: Request) async throws -> Response {
        try await Self.handling { () async throws(ServiceError) -> Response in
            let view = await healthView()
            return .json(bytes: view.json(), status: view.status == "down" ? .serviceUnavailable : .ok)
        }
    }

    func healthView() async -> HealthView {
        var engines: [String: EngineHealth] = [:]
        for (name, engine) in service.engines { engines[name] = await engine.health() }
        let queue = await service.queue.stats()
        let store = await tasks.store.health()
        let cache = await service.cache?.health()
        let defaultHealthy = engines[service.defaultEngine]?.healthy ?? false
        let status: String =
            if !store.healthy || !engines.values.contains(where: \.healthy) { "down" }
            else if !defaultHealthy || engines.values.contains(where: { !$0.healthy }) || cache?.status == .degraded {
                "degraded"
            } else { "ok" }
        let elapsed = ContinuousClock.now - startedAt
        return HealthView(
            status: status, version: DragomanVersion.current,
            uptime_s: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            components: .init(
                engines: engines,
                queue: .init(depth: queue.depth, capacity: queue.capacity, workers: queue.workers, busy: queue.busy,
                             in_flight: queue.inFlight, completed: queue.completed, failed: queue.failed,
                             retried: queue.retried, shared: queue.shared),
                task_store: store, cache: cache))
    }

    func cacheStats(_ request: Request) async throws -> Response {
        try await Self.handling { () async throws(ServiceError) -> Response in
            let stats = await service.cache?.stats() ?? CacheStats(tiers: [], hits: 0, misses: 0)
            return try encode(stats)
        }
    }

    func clearCache(_ request: Request) async throws -> Response {
        try await Self.handling { () async throws(ServiceError) -> Response in
            let source = request.query["source"], target = request.query["target"]
            guard (source == nil) == (target == nil) else {
                throw .invalidField(source == nil ? "source" : "target", "must be given together with the other")
            }
            let pair = source.flatMap { source in target.map { (source: source, target: $0) } }
            await service.cache?.clear(pair: pair)
            struct Cleared: Encodable { var cleared: Bool; var source: String?; var target: String? }
            return try encode(Cleared(cleared: true, source: source, target: target))
        }
    }
}
