// What the service reports at scrape time: plain numbers the wiring copies from the queue, task store, cache
// tiers and engines, so this module depends on none of their types.

public struct ServiceGauges: Sendable, Equatable {
    public struct TierCounts: Sendable, Equatable {
        public var hits: Int
        public var misses: Int
        public var entries: Int

        public init(hits: Int, misses: Int, entries: Int) {
            self.hits = hits
            self.misses = misses
            self.entries = entries
        }
    }

    public var queueDepth: Int = 0
    public var workers: Int = 0
    public var busyWorkers: Int = 0
    /// Task counts by status ("queued", "running", "completed", "failed", "cancelled").
    public var tasksByStatus: [String: Int] = [:]
    /// Cumulative hit/miss counts per cache tier ("memory", "sqlite", "redis").
    public var cacheTiers: [String: TierCounts] = [:]
    /// Cumulative pipeline/model restarts per engine.
    public var engineRestarts: [String: Int] = [:]
    /// Cumulative texts and characters the engines translated, by engine and pair ("en-es").
    public var translations: [TranslationCount] = []

    public init(
        queueDepth: Int = 0, workers: Int = 0, busyWorkers: Int = 0, tasksByStatus: [String: Int] = [:],
        cacheTiers: [String: TierCounts] = [:], engineRestarts: [String: Int] = [:], translations: [TranslationCount] = []
    ) {
        self.queueDepth = queueDepth
        self.workers = workers
        self.busyWorkers = busyWorkers
        self.tasksByStatus = tasksByStatus
        self.cacheTiers = cacheTiers
        self.engineRestarts = engineRestarts
        self.translations = translations
    }
}
