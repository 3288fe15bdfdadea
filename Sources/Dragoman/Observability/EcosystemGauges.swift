// Scrape-time numbers from the running Application: queue, tasks, cache tiers, engine restarts and translations.
import Cache

enum EcosystemGauges {
    static func sample(_ application: Application) async -> ServiceGauges {
        let queue = await application.service.queue.stats()
        let tasks = await application.tasks.store.health()
        var tiers: [String: ServiceGauges.TierCounts] = [:]
        if let cache = application.service.cache {
            for tier in await cache.stats().tiers where tier.enabled {
                tiers[tier.name] = .init(hits: tier.hits, misses: tier.misses, entries: tier.entries)
            }
        }
        var restarts: [String: Int] = [:]
        for (name, engine) in application.service.engines { restarts[name] = await engine.health().restarts }
        return ServiceGauges(
            queueDepth: queue.depth, workers: queue.workers, busyWorkers: queue.busy, tasksByStatus: tasks.tasks,
            cacheTiers: tiers, engineRestarts: restarts,
            translations: application.service.tally.snapshot())
    }
}

/// What /ready waits for: at least one engine, every engine healthy with pairs loaded, the task store open.
enum EcosystemReadiness {
    static func checks(_ application: Application) -> [Readiness.Check] {
        let engines = Array(application.service.engines.values)
        var checks: [Readiness.Check] = [{ engines.isEmpty ? "no translation engine is configured" : nil }]
        for engine in engines {
            checks.append {
                let health = await engine.health()
                if !health.healthy { return "engine \(engine.name): \(health.detail ?? "unhealthy")" }
                return await engine.pairs().isEmpty ? "engine \(engine.name): no language pairs loaded" : nil
            }
        }
        checks.append {
            let store = await application.tasks.store.health()
            return store.healthy ? nil : "task store: \(store.detail ?? "not open")"
        }
        return checks
    }
}
