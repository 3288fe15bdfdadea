// Exponential backoff between reconnection attempts. While the window is open the client does not even try to
// connect, so a dead Redis costs one clock read per request instead of a connect timeout.
public struct Backoff: Sendable {
    public var initial: Duration
    public var maximum: Duration
    public private(set) var current: Duration?
    public private(set) var retryAt: ContinuousClock.Instant?

    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(2)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// True while the last failure's window is still open.
    public func isWaiting(at now: ContinuousClock.Instant) -> Bool {
        retryAt.map { now < $0 } ?? false
    }

    /// Records a failure: the next attempt waits twice as long as the last, up to `maximum`.
    public mutating func failed(at now: ContinuousClock.Instant) {
        let next = current.map { min($0 * 2, maximum) } ?? initial
        current = next
        retryAt = now + next
    }

    public mutating func succeeded() {
        current = nil
        retryAt = nil
    }
}
