// A bounded in-process queue feeding a pool of workers. Work is grouped (for translation: engine + pair) so a
// worker takes several items of one group at once and hands them to one call (Apertium pipelines fed back to back,
// Marian batched). Identical (group, input) work in flight at the same moment is done once and shared.
// Workload: bursts of ~50 interactive items and batch windows of a few hundred; capacity is a few thousand.
import Logging

public actor JobQueue<Group: Hashable & Sendable, Input: Hashable & Sendable, Output: Sendable> {
    public typealias Process = @Sendable (Group, [Input]) async throws -> [Output]
    typealias Outcome = Result<Output, JobFailure>

    struct Key: Hashable {
        let group: Group
        let input: Input
    }

    /// One distinct unit of work and everyone waiting for it.
    struct Entry {
        var priority: JobPriority
        var attempts = 0
        /// Submissions that will still collect the result; the entry lives until all have.
        var expected = 0
        var waiters: [CheckedContinuation<Outcome, Never>] = []
        var outcome: Outcome?
        /// After a failed batch, an item runs alone so one bad input cannot fail its neighbours again.
        var solo = false
    }

    /// What a worker takes: items of one group, dispatched together.
    public struct Batch: Sendable {
        public let group: Group
        public let inputs: [Input]
    }

    public struct Configuration: Sendable {
        public var capacity: Int
        public var workers: Int
        public var maxBatch: Int
        public var retry: RetryPolicy
        public var retryAfterSeconds: Int

        public init(capacity: Int = 10_000, workers: Int = 2, maxBatch: Int = 16, retry: RetryPolicy = .init(),
                    retryAfterSeconds: Int = 1) {
            self.capacity = max(1, capacity)
            self.workers = max(1, workers)
            self.maxBatch = max(1, maxBatch)
            self.retry = retry
            self.retryAfterSeconds = max(1, retryAfterSeconds)
        }
    }

    public nonisolated let configuration: Configuration
    let process: Process
    let isRetryable: @Sendable (any Error) -> Bool
    let logger: Logger

    var entries: [Key: Entry] = [:]
    var lanes: [Lane<Group, Key>] = JobPriority.allCases.map { _ in Lane() }
    var queued = 0
    var retriesWaiting = 0
    var busy = 0
    var closed = false
    var idleWorkers: [CheckedContinuation<Batch?, Never>] = []
    var workerTasks: [Task<Void, Never>] = []
    var counters = (completed: 0, failed: 0, retried: 0, shared: 0)

    public init(configuration: Configuration, logger: Logger = Logger(label: "dragoman.jobs"),
                isRetryable: @escaping @Sendable (any Error) -> Bool = { _ in false },
                process: @escaping Process) {
        self.configuration = configuration
        self.process = process
        self.isRetryable = isRetryable
        self.logger = logger
    }

    /// Starts the workers. Separate from init so an actor's isolated state is ready before tasks touch it.
    public func start() {
        guard workerTasks.isEmpty else { return }
        for _ in 0..<configuration.workers {
            workerTasks.append(Task { await self.workLoop() })
        }
    }

    /// Submits `inputs` of one group and waits for every result, in input order. Either all are accepted or
    /// none (`JobQueueError.full`), so a caller never has half a request in the queue.
    public func submit(_ inputs: [Input], group: Group, priority: JobPriority) async throws(JobQueueError)
        -> [Result<Output, JobFailure>]
    {
        let keys = inputs.map { Key(group: group, input: $0) }
        try accept(keys, priority: priority)
        // Every key is queued already, so waiting for them in order costs no time: an outcome that arrives
        // before its turn is kept in its entry until collected. The caller's own task waits, rather than a child
        // task per key that must be created, scheduled and joined.
        var results: [Outcome] = []
        results.reserveCapacity(keys.count)
        for key in keys { results.append(await collect(key)) }
        return results
    }

    public func submit(_ input: Input, group: Group, priority: JobPriority) async throws(JobQueueError)
        -> Result<Output, JobFailure>
    {
        try await submit([input], group: group, priority: priority)[0]
    }

    public func stats() -> JobQueueStats {
        JobQueueStats(
            depth: queued + retriesWaiting, capacity: configuration.capacity, workers: configuration.workers,
            busy: busy, inFlight: entries.count, completed: counters.completed, failed: counters.failed,
            retried: counters.retried, shared: counters.shared)
    }

    /// True once `shutdown()` has begun: submissions are refused from then on.
    public var isClosed: Bool { closed }

    /// Stops accepting work, lets the workers finish everything already accepted, and waits for them.
    public func shutdown() async {
        closed = true
        wakeIdleWorkersIfDrained()
        let tasks = workerTasks
        workerTasks = []
        for task in tasks { await task.value }
    }
}
