// Gauges read at scrape time: the service's queue, tasks, cache tiers and engines, and this process's RSS and open
// file descriptors from /proc/self. Cumulative totals owned elsewhere (cache hits, restarts, translations) are exported as
// Prometheus counters by adding what grew since the last scrape, so rate() works on them.
import CoreMetrics
import Foundation
import Metrics
import Prometheus

actor ScrapeSampler {
    private let factory: PrometheusMetricsFactory
    private let gauges: @Sendable () async -> ServiceGauges
    private var lastTotals: [String: Int] = [:]

    init(factory: PrometheusMetricsFactory, gauges: @escaping @Sendable () async -> ServiceGauges) {
        self.factory = factory
        self.gauges = gauges
    }

    func sample() async {
        let now = await gauges()
        gauge("dragoman_queue_depth", now.queueDepth)
        gauge("dragoman_workers", now.workers)
        gauge("dragoman_workers_busy", now.busyWorkers)
        for status in ["queued", "running", "completed", "failed", "cancelled"] {
            gauge("dragoman_tasks", now.tasksByStatus[status] ?? 0, [("status", status)])
        }
        for (tier, counts) in now.cacheTiers {
            total("dragoman_cache_hits_total", counts.hits, [("tier", tier)])
            total("dragoman_cache_misses_total", counts.misses, [("tier", tier)])
            gauge("dragoman_cache_entries", counts.entries, [("tier", tier)])
        }
        for (engine, restarts) in now.engineRestarts {
            total("dragoman_engine_restarts_total", restarts, [("engine", engine)])
        }
        for translated in now.translations {
            let dimensions = [("engine", translated.engine), ("pair", translated.pair)]
            total("dragoman_translations_total", translated.texts, dimensions)
            total("dragoman_translated_characters_total", translated.characters, dimensions)
        }
        gauge("process_resident_memory_bytes", ProcessStats.residentBytes())
        gauge("process_open_fds", ProcessStats.openFileDescriptors())
    }

    private func gauge(_ label: String, _ value: Int, _ dimensions: [(String, String)] = []) {
        Gauge(label: label, dimensions: dimensions, factory: factory).record(value)
    }

    private func total(_ label: String, _ value: Int, _ dimensions: [(String, String)]) {
        let id = label + dimensions.map { "|\($0.0)=\($0.1)" }.joined()
        let grown = value - (lastTotals[id] ?? 0)
        let counter = Counter(label: label, dimensions: dimensions, factory: factory)
        if grown > 0 { counter.increment(by: grown) } else if lastTotals[id] == nil { counter.increment(by: 0) }
        lastTotals[id] = max(value, lastTotals[id] ?? 0)
    }
}

/// This process's resources, read from Linux's /proc (the same sources Prometheus client libraries use).
enum ProcessStats {
    /// Resident set size: the second field of /proc/self/statm, in pages.
    static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Entries of /proc/self/fd, less the one the listing itself opens.
    static func openFileDescriptors() -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.count ?? 1
        return max(0, entries - 1)
    }
}
