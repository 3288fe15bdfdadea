// The hand-written /health body against JSONEncoder's: every optional present and absent, several engines,
// task counts, cache tiers with and without a reason, integral and fractional uptimes.
@testable import Dragoman
import Cache
import Engines
import HTTPServer
import Testing

@Suite struct HealthViewJSONTests {
    static let queue = HealthView.QueueView(
        depth: 3, capacity: 10_000, workers: 2, busy: 1, in_flight: 4, completed: 123_456, failed: 7, retried: 2,
        shared: 9)

    static let views: [HealthView] = [
        HealthView(
            status: "ok", version: "0.1.0", uptime_s: 2.900935221,
            components: .init(
                engines: ["apertium": EngineHealth(healthy: true, detail: "10 direct pairs, 20 with pivots")],
                queue: queue, task_store: TaskStoreHealth(healthy: true, detail: nil, tasks: [:]),
                cache: CacheHealth(tiers: [
                    .init(name: "memory", enabled: true, healthy: true),
                    .init(name: "redis", enabled: true, healthy: false, reason: "connection refused \"127.0.0.1:6379\""),
                    .init(name: "sqlite", enabled: false, healthy: true),
                ]))),
        HealthView(
            status: "degraded", version: "0.1.0-dev/é", uptime_s: 3,
            components: .init(
                engines: [
                    "marian": EngineHealth(healthy: false, detail: "en-es: cannot allocate\n", restarts: 2),
                    "apertium": EngineHealth(healthy: true, restarts: 11),
                ],
                queue: queue,
                task_store: TaskStoreHealth(
                    healthy: false, detail: "disk I/O error", tasks: ["running": 2, "completed": 40, "queued": 1]),
                cache: nil)),
        HealthView(
            status: "down", version: "1", uptime_s: 1e-7,
            components: .init(engines: [:], queue: queue, task_store: .init(healthy: true, detail: nil, tasks: ["failed": 0]),
                              cache: CacheHealth(tiers: []))),
    ]

    @Test(arguments: 0..<views.count) func bodyIsJSONEncoders(index: Int) throws {
        let view = Self.views[index]
        #expect(String(decoding: view.json(), as: UTF8.self) == String(decoding: try Response.json(view).body, as: UTF8.self))
    }
}
