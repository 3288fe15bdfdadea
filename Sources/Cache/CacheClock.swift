// Wall-clock time for expiry, injectable so TTL tests move time instead of sleeping.
// Seconds since 1970, because SQLite rows store their expiry and must survive a restart.
import Foundation
import Synchronization

public struct CacheClock: Sendable {
    public let now: @Sendable () -> Double

    public init(now: @escaping @Sendable () -> Double) {
        self.now = now
    }

    public static let system = CacheClock { Date().timeIntervalSince1970 }
}

/// A clock that only moves when told to: TTL tests advance it past an expiry.
public final class ManualClock: Sendable {
    private let seconds: Mutex<Double>

    public init(_ start: Double = 1_000_000) {
        seconds = Mutex(start)
    }

    public func advance(by interval: Double) {
        seconds.withLock { $0 += interval }
    }

    public var now: Double { seconds.withLock { $0 } }

    public var clock: CacheClock {
        CacheClock { self.now }
    }
}
