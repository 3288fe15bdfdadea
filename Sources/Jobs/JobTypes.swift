// The small values the queue speaks in: priorities, the queue's typed errors, a failed item's error, and the
// retry policy. The queue knows nothing about translation or HTTP: callers map these to their own answers.

/// Interactive requests wait on an open connection, so they are dispatched ahead of batch items.
public enum JobPriority: Int, Sendable, CaseIterable, Comparable {
    case interactive = 0
    case batch = 1

    public static func < (lhs: JobPriority, rhs: JobPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Why the queue refused work. Nothing is accepted and then dropped: a refusal happens before acceptance.
public enum JobQueueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bounded queue holds `capacity` items; accepting `requested` more would overflow it.
    case full(capacity: Int, pending: Int, requested: Int, retryAfterSeconds: Int)
    /// The queue is shutting down and accepts nothing new.
    case closed

    public var description: String {
        switch self {
        case .full(let capacity, let pending, let requested, _):
            "queue full: \(pending) of \(capacity) slots taken, \(requested) more asked"
        case .closed: "queue is shutting down"
        }
    }
}

/// One item's final failure, after its retries: the last error and how many attempts were made.
public struct JobFailure: Error, Sendable, CustomStringConvertible {
    public let error: any Error
    public let attempts: Int

    public init(error: any Error, attempts: Int) {
        self.error = error
        self.attempts = attempts
    }

    public var description: String { "\(error) (after \(attempts) attempt\(attempts == 1 ? "" : "s"))" }
}

/// How often and how patiently a retryable failure is retried: delay = base × 2^(attempt − 1), capped.
public struct RetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(5)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    public func delay(afterAttempt attempt: Int) -> Duration {
        let factor = 1 << min(max(attempt - 1, 0), 20)
        return min(baseDelay * factor, maxDelay)
    }
}

/// What the queue reports to /health.
public struct JobQueueStats: Sendable, Equatable, Codable {
    /// Items accepted and not yet handed to a worker (retries waiting for their backoff included).
    public var depth: Int
    public var capacity: Int
    public var workers: Int
    public var busy: Int
    /// Distinct items in flight, whether waiting or running; identical work counts once.
    public var inFlight: Int
    public var completed: Int
    public var failed: Int
    public var retried: Int
    /// Submissions answered by work already in flight (single flight).
    public var shared: Int
}
