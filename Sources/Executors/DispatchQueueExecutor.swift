// A serial executor backed by its own dispatch thread. Actors that call blocking C code (a SQLite connection,
// a hiredis context, a model's compute state) run on one of these, so a blocked call never occupies a thread of
// Swift's cooperative pool, which has only as many threads as cores. Linux has no DispatchSerialQueue.
import Dispatch

public final class DispatchQueueExecutor: SerialExecutor {
    public let queue: DispatchQueue

    public init(label: String, qos: DispatchQoS = .default) {
        queue = DispatchQueue(label: label, qos: qos)
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Lets `assumeIsolated` accept code that a plain `queue.async` block runs, outside any task.
    public func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}
