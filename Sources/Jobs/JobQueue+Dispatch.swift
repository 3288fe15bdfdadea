// How accepted work moves: acceptance against the bound, single flight, hand-out to workers, results back to
// every waiter, and retries with exponential backoff for failures the caller says are retryable.

extension JobQueue {
    func accept(_ keys: [Key], priority: JobPriority) throws(JobQueueError) {
        guard !closed else { throw .closed }
        let fresh = Set(keys.filter { entries[$0] == nil })
        guard queued + retriesWaiting + fresh.count <= configuration.capacity else {
            throw .full(capacity: configuration.capacity, pending: queued + retriesWaiting, requested: fresh.count,
                        retryAfterSeconds: configuration.retryAfterSeconds)
        }
        for key in keys {
            if entries[key] == nil {
                entries[key] = Entry(priority: priority)
                enqueue(key, priority: priority)
            } else if !fresh.contains(key) {
                counters.shared += 1
            }
            entries[key]!.expected += 1
        }
    }

    /// Waits for `key`'s outcome; one call per acceptance of the key.
    func collect(_ key: Key) async -> Outcome {
        if let outcome = entries[key]?.outcome {
            release(key, count: 1)
            return outcome
        }
        return await withCheckedContinuation { continuation in
            entries[key]!.waiters.append(continuation)
        }
    }

    private func release(_ key: Key, count: Int) {
        entries[key]!.expected -= count
        if entries[key]!.expected == 0 { entries[key] = nil }
    }

    private func enqueue(_ key: Key, priority: JobPriority) {
        lanes[priority.rawValue].push(key, group: key.group)
        queued += 1
        if !idleWorkers.isEmpty, let batch = takeBatch() {
            idleWorkers.removeFirst().resume(returning: batch)
        }
    }

    private func takeBatch() -> Batch? {
        for index in lanes.indices where !lanes[index].isEmpty {
            let limit = configuration.maxBatch
            guard let (group, keys) = lanes[index].take(limit: limit, isSolo: { self.entries[$0]?.solo ?? false })
            else { continue }
            queued -= keys.count
            busy += 1
            for key in keys { entries[key]!.attempts += 1 }
            return Batch(group: group, inputs: keys.map(\.input))
        }
        return nil
    }

    /// The next batch for a worker, waiting while there is none; nil once closed and drained.
    func next() async -> Batch? {
        if let batch = takeBatch() { return batch }
        if closed && retriesWaiting == 0 { return nil }
        return await withCheckedContinuation { idleWorkers.append($0) }
    }

    func workLoop() async {
        while let batch = await next() {
            let outcome: Result<[Output], any Error>
            do {
                let outputs = try await process(batch.group, batch.inputs)
                guard outputs.count == batch.inputs.count else {
                    throw JobMismatchError(expected: batch.inputs.count, received: outputs.count)
                }
                outcome = .success(outputs)
            } catch {
                outcome = .failure(error)
            }
            finish(batch, outcome)
        }
    }

    func finish(_ batch: Batch, _ outcome: Result<[Output], any Error>) {
        busy -= 1
        let keys = batch.inputs.map { Key(group: batch.group, input: $0) }
        switch outcome {
        case .success(let outputs):
            for (key, output) in zip(keys, outputs) { complete(key, .success(output)) }
        case .failure(let error):
            for key in keys { failOrRetry(key, error: error, alone: keys.count == 1) }
        }
        wakeIdleWorkersIfDrained()
    }

    private func failOrRetry(_ key: Key, error: any Error, alone: Bool) {
        let attempts = entries[key]!.attempts
        // A batch failure does not show which item caused it: rerun each alone, once, without using a try.
        let blameless = !alone && entries[key]!.solo == false
        guard isRetryable(error) || blameless, blameless || attempts < configuration.retry.maxAttempts else {
            logger.debug("job failed", metadata: ["error": "\(error)", "attempts": "\(attempts)"])
            complete(key, .failure(JobFailure(error: error, attempts: attempts)))
            return
        }
        entries[key]!.solo = true
        if blameless { entries[key]!.attempts -= 1 }
        counters.retried += 1
        retriesWaiting += 1
        let delay = blameless ? .zero : configuration.retry.delay(afterAttempt: attempts)
        Task { [priority = entries[key]!.priority] in
            try? await Task.sleep(for: delay)
            self.requeue(key, priority: priority)
        }
    }

    private func requeue(_ key: Key, priority: JobPriority) {
        retriesWaiting -= 1
        enqueue(key, priority: priority)
    }

    private func complete(_ key: Key, _ outcome: Outcome) {
        switch outcome {
        case .success: counters.completed += 1
        case .failure: counters.failed += 1
        }
        entries[key]!.outcome = outcome
        let waiters = entries[key]!.waiters
        entries[key]!.waiters = []
        for waiter in waiters { waiter.resume(returning: outcome) }
        if !waiters.isEmpty { release(key, count: waiters.count) }
    }

    func wakeIdleWorkersIfDrained() {
        guard closed, queued == 0, retriesWaiting == 0 else { return }
        let idle = idleWorkers
        idleWorkers = []
        for worker in idle { worker.resume(returning: nil) }
    }
}

/// An engine that answered with a different number of outputs than inputs: a programming error in the
/// engine, reported per item rather than trusted.
public struct JobMismatchError: Error, Sendable, CustomStringConvertible {
    public let expected: Int
    public let received: Int
    public var description: String { "worker returned \(received) outputs for \(expected) inputs" }
}
