// Metrics move as requests are made, are labelled by route pattern (never the raw path or a client), and gauges
// are sampled at scrape time.
import HTTPServer
import HTTPTypes
import Testing

@testable import Dragoman

@Suite struct MetricsTests {
    func scrape(_ metrics: DragomanMetrics) async -> String { String(decoding: await metrics.render(), as: UTF8.self) }

    @Test func requestCounterMovesWithEachRequestByPatternAndStatus() async throws {
        let metrics = DragomanMetrics()
        let middleware = MetricsMiddleware(metrics: metrics)
        let ok = ClosureResponder { _ in Response.text("ok") }
        for id in ["a1", "b2", "c3"] {
            _ = try await middleware.respond(to: Request(method: .get, path: "/api/task/\(id)"), next: ok)
        }
        let failing = ClosureResponder { _ in throw HTTPError(.notFound, code: "not_found", message: "no") }
        _ = try? await middleware.respond(to: Request(method: .get, path: "/api/task/zz"), next: failing)
        let text = await scrape(metrics)
        #expect(text.contains(#"dragoman_http_requests_total{route="/api/task/{id}",method="GET",status="200"} 3"#))
        #expect(text.contains(#"dragoman_http_requests_total{route="/api/task/{id}",method="GET",status="404"} 1"#))
        #expect(text.contains(#"dragoman_http_request_duration_seconds_count{route="/api/task/{id}",method="GET"} 4"#))
        #expect(!text.contains("a1"))
    }

    @Test func unknownPathsShareOneLabel() async throws {
        let metrics = DragomanMetrics()
        let middleware = MetricsMiddleware(metrics: metrics)
        let ok = ClosureResponder { _ in Response.text("ok") }
        _ = try await middleware.respond(to: Request(method: .get, path: "/wp-admin/x.php"), next: ok)
        #expect(await scrape(metrics).contains(#"dragoman_http_requests_total{route="other",method="GET",status="200"} 1"#))
    }

    @Test func translationsAndCharactersByEngineAndPair() async {
        let state = GaugeState()
        let metrics = DragomanMetrics(gauges: { await state.current })
        await state.set(ServiceGauges(translations: [.init(engine: "apertium", pair: "en-es", texts: 2, characters: 11)]))
        _ = await scrape(metrics)
        await state.set(ServiceGauges(translations: [.init(engine: "apertium", pair: "en-es", texts: 3, characters: 16)]))
        let text = await scrape(metrics)
        #expect(text.contains(#"dragoman_translations_total{engine="apertium",pair="en-es"} 3"#))
        #expect(text.contains(#"dragoman_translated_characters_total{engine="apertium",pair="en-es"} 16"#))
    }

    @Test func gaugesAreSampledAtScrapeAndTotalsBecomeCounters() async {
        let state = GaugeState()
        let metrics = DragomanMetrics(gauges: { await state.current })
        await state.set(ServiceGauges(
            queueDepth: 7, workers: 2, busyWorkers: 1, tasksByStatus: ["running": 3],
            cacheTiers: ["memory": .init(hits: 10, misses: 4, entries: 9)], engineRestarts: ["apertium": 1]))
        var text = await scrape(metrics)
        #expect(text.contains("dragoman_queue_depth 7") && text.contains("dragoman_workers_busy 1"))
        #expect(text.contains(#"dragoman_tasks{status="running"} 3"#))
        #expect(text.contains(#"dragoman_cache_hits_total{tier="memory"} 10"#))
        #expect(text.contains(#"dragoman_engine_restarts_total{engine="apertium"} 1"#))
        await state.set(ServiceGauges(queueDepth: 0, cacheTiers: ["memory": .init(hits: 25, misses: 4, entries: 9)]))
        text = await scrape(metrics)
        #expect(text.contains("dragoman_queue_depth 0"))
        #expect(text.contains(#"dragoman_cache_hits_total{tier="memory"} 25"#))
        #expect(text.contains("process_resident_memory_bytes ") && text.contains("process_open_fds "))
        #expect(!text.contains("process_resident_memory_bytes 0\n"))
    }

    @Test func routePatternsPreferLiteralRoutes() {
        let routes = RoutePatterns(["/api/task/{id}", "/api/task/stats", "/translate"])
        #expect(routes.pattern(for: "/api/task/stats") == "/api/task/stats")
        #expect(routes.pattern(for: "/api/task/42") == "/api/task/{id}")
        #expect(routes.pattern(for: "/api/task/") == "other")
        #expect(routes.pattern(for: "/translate") == "/translate")
    }
}

actor GaugeState {
    var current = ServiceGauges()
    func set(_ gauges: ServiceGauges) { current = gauges }
}
