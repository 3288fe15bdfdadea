import Dispatch
import Executors
import Testing

actor Counter {
    let executor = DispatchQueueExecutor(label: "test.counter")
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    var value = 0
    var ranOnQueue = true

    func increment() {
        dispatchPrecondition(condition: .onQueue(executor.queue))
        value += 1
    }
}

@Test func actorIsolatedWorkRunsOnTheExecutorsQueue() async {
    let counter = Counter()
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<1_000 { group.addTask { await counter.increment() } }
    }
    #expect(await counter.value == 1_000)
}
