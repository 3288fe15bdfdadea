// The counters every tier keeps for /api/cache/stats: hits, misses, errors and a latency histogram, behind one
// mutex (uncontended lock/unlock is ~20 ns, far below any tier's own cost).
import Foundation
import Synchronization

public final class TierMetrics: Sendable {
    struct Counts {
        var hits = 0
        var misses = 0
        var errors = 0
        var latency = LatencyHistogram()
        var lastError: String?
    }

    private let counts = Mutex(Counts())

    public init() {}

    /// Monotonic start time for `record`, in nanoseconds.
    public static func start() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    public func record(hits: Int, misses: Int, since start: UInt64) {
        let micros = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000
        counts.withLock {
            $0.hits += hits
            $0.misses += misses
            $0.latency.record(micros: micros)
        }
    }

    /// Counts a failed operation and keeps its description as the tier's health reason.
    public func recordError(_ error: any Error, misses: Int = 0) {
        counts.withLock {
            $0.errors += 1
            $0.misses += misses
            $0.lastError = String(describing: error)
        }
    }

    public func clearError() {
        counts.withLock { $0.lastError = nil }
    }

    /// Fills the counters of `stats`; the tier fills in entries, bytes and health.
    public func fill(_ stats: inout TierStats) {
        let snapshot = counts.withLock { $0 }
        stats.hits = snapshot.hits
        stats.misses = snapshot.misses
        stats.errors = snapshot.errors
        stats.p50Micros = snapshot.latency.quantile(0.5)
        stats.p99Micros = snapshot.latency.quantile(0.99)
    }

    public var lastError: String? { counts.withLock { $0.lastError } }
}
