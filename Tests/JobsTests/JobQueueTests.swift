// The queue with real workers and a recording processor: ordering, batching by group, single flight,
// back-pressure, retries and per-item failure. A gate (an AsyncStream) holds workers still where a test needs
// the queue to fill; nothing waits on a clock.
import Testing
@testable import Jobs

/// Records each call and can hold every call until released.
actor Recorder {
    var calls: [(group: String, inputs: [Int])] = []
    var failures: [Int: Int] = [:]  // input → how many more times it fails
    var held = true
    var waiting: [CheckedContinuation<Void, Never>] = []

    init(held: Bool = false) { self.held = held }

    func record(_ group: String, _ inputs: [Int]) async throws -> [String] {
        calls.append((group, inputs))
        if held { await withCheckedContinuation { waiting.append($0) } }
        for input in inputs where (failures[input] ?? 0) > 0 {
            failures[input]! -= 1
            throw TestFailure(input: input)
        }
        return inputs.map { "\(group):\($0)" }
    }

    func release() {
        held = false
        for waiter in waiting { waiter.resume() }
        waiting = []
    }

    func fail(_ input: Int, times: Int) { failures[input] = times }
    func callCount() -> Int { calls.count }
}

struct TestFailure: Error { let input: Int }

func makeQueue(_ recorder: Recorder, capacity: Int = 1_000, workers: Int = 2, maxBatch: Int = 8,
               attempts: Int = 3) -> JobQueue<String, Int, String> {
    let configuration = JobQueue<String, Int, String>.Configuration(
        capacity: capacity, workers: workers, maxBatch: maxBatch,
        retry: RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(1)))
    return JobQueue(configuration: configuration, isRetryable: { $0 is TestFailure }) { group, inputs in
        try await recorder.record(group, inputs)
    }
}

@Test func resultsComeBackInInputOrder() async throws {
    let recorder = Recorder()
    let queue = makeQueue(recorder)
    await queue.start()
    let results = try await queue.submit(Array(0..<100), group: "en-es", priority: .interactive)
    #expect(results.map { try? $0.get() } == (0..<100).map { "en-es:\($0)" })
    await queue.shutdown()
}

@Test func workersTakeSeveralItemsOfOneGroupAtOnce() async throws {
    let recorder = Recorder(held: true)
    let queue = makeQueue(recorder, workers: 1, maxBatch: 8)
    await queue.start()
    async let first = queue.submit([0], group: "a", priority: .batch)
    while await recorder.callCount() == 0 { await Task.yield() }
    async let rest = queue.submit(Array(1..<20), group: "a", priority: .batch)
    while await queue.stats().depth < 19 { await Task.yield() }
    await recorder.release()
    _ = try await (first, rest)
    let sizes = await recorder.calls.map(\.inputs.count)
    #expect(sizes == [1, 8, 8, 3])
    await queue.shutdown()
}

@Test func interactiveWorkGoesAheadOfBatchWork() async throws {
    let recorder = Recorder(held: true)
    let queue = makeQueue(recorder, workers: 1, maxBatch: 1)
    await queue.start()
    async let blocker = queue.submit([0], group: "b", priority: .batch)
    while await recorder.callCount() == 0 { await Task.yield() }
    async let batch = queue.submit([1, 2, 3], group: "b", priority: .batch)
    while await queue.stats().depth < 3 { await Task.yield() }
    async let interactive = queue.submit([9], group: "i", priority: .interactive)
    while await queue.stats().depth < 4 { await Task.yield() }
    await recorder.release()
    _ = try await (blocker, batch, interactive)
    #expect(await recorder.calls.map(\.inputs) == [[0], [9], [1], [2], [3]])
    await queue.shutdown()
}

@Test func identicalWorkInFlightIsDoneOnce() async throws {
    let recorder = Recorder(held: true)
    let queue = makeQueue(recorder, workers: 2)
    await queue.start()
    async let one = queue.submit([7], group: "g", priority: .interactive)
    while await recorder.callCount() == 0 { await Task.yield() }
    let others = (0..<10).map { _ in Task { try await queue.submit(7, group: "g", priority: .interactive) } }
    while await queue.stats().shared < 10 { await Task.yield() }
    await recorder.release()
    _ = try await one
    for task in others { #expect(try await task.value.get() == "g:7") }
    #expect(await recorder.callCount() == 1)
    await queue.shutdown()
}

@Test func aFullQueueRefusesWholeSubmissions() async throws {
    let recorder = Recorder(held: true)
    let queue = makeQueue(recorder, capacity: 4, workers: 1, maxBatch: 1)
    await queue.start()
    async let running = queue.submit([0], group: "g", priority: .batch)
    while await recorder.callCount() == 0 { await Task.yield() }
    async let queued = queue.submit([1, 2, 3], group: "g", priority: .batch)
    while await queue.stats().depth < 3 { await Task.yield() }
    await #expect(throws: JobQueueError.full(capacity: 4, pending: 3, requested: 2, retryAfterSeconds: 1)) {
        _ = try await queue.submit([4, 5], group: "g", priority: .interactive)
    }
    // Work already in flight is shared, not counted again.
    async let shared = queue.submit([1, 4], group: "g", priority: .interactive)
    while await queue.stats().depth < 4 { await Task.yield() }
    await recorder.release()
    _ = try await (running, queued, shared)
    await queue.shutdown()
}

@Test func retryableFailuresAreRetriedThenOnlyThatItemFails() async throws {
    let recorder = Recorder()
    await recorder.fail(2, times: 2)  // succeeds on the third attempt
    await recorder.fail(5, times: 100)  // never succeeds
    let queue = makeQueue(recorder, workers: 1, maxBatch: 8, attempts: 3)
    await queue.start()
    let results = try await queue.submit(Array(0..<8), group: "g", priority: .batch)
    for (index, result) in results.enumerated() where index != 5 {
        #expect(try result.get() == "g:\(index)")
    }
    guard case .failure(let failure) = results[5] else { Issue.record("item 5 should fail"); return }
    #expect(failure.attempts == 3)
    #expect((failure.error as? TestFailure)?.input == 5)
    #expect(await queue.stats().failed == 1)
    await queue.shutdown()
}

@Test func shutdownFinishesAcceptedWorkThenRefusesMore() async throws {
    let recorder = Recorder(held: true)
    let queue = makeQueue(recorder, workers: 2)
    await queue.start()
    let pending = Task { try await queue.submit(Array(0..<50), group: "g", priority: .batch) }
    while await recorder.callCount() < 2 { await Task.yield() }
    let stopping = Task { await queue.shutdown() }
    while await !queue.isClosed { await Task.yield() }
    await #expect(throws: JobQueueError.closed) { _ = try await queue.submit(1, group: "g", priority: .batch) }
    await recorder.release()
    await stopping.value
    #expect(try await pending.value.allSatisfy { (try? $0.get()) != nil })
}

@Test func backoffGrowsExponentiallyUpToTheCap() {
    let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .milliseconds(350))
    #expect(policy.delay(afterAttempt: 1) == .milliseconds(100))
    #expect(policy.delay(afterAttempt: 2) == .milliseconds(200))
    #expect(policy.delay(afterAttempt: 3) == .milliseconds(350))
}
