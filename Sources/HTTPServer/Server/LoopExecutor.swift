// Runs request tasks on their event loop's own thread. A request answered from memory (a cached translation)
// then never leaves the thread that read it: no wake-up of a pool thread to start the handler, no eventfd to
// hand the answer back. Blocking work still happens elsewhere: every actor that calls blocking C code has its
// own serial executor, and a task resumed from another thread comes back here through `enqueue`.
import Dispatch
import Glibc
import Synchronization

final class LoopExecutor: TaskExecutor, Sendable {
    private struct Queue {
        var jobs: [UnownedJob] = []
        var stopped = false
    }

    private let queue = Mutex(Queue())
    private let wake: @Sendable () -> Void
    /// Set by the loop thread when it starts; read from any thread to tell "on the loop" from "elsewhere".
    private let loopThread = Atomic<UInt>(0)

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    func enterLoopThread() { loopThread.store(pthread_self(), ordering: .releasing) }

    var isOnLoopThread: Bool { pthread_equal(loopThread.load(ordering: .acquiring), pthread_self()) != 0 }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let (wasEmpty, stopped) = queue.withLock { queue in
            if !queue.stopped { queue.jobs.append(job) }
            return (queue.jobs.count == 1, queue.stopped)
        }
        if stopped {
            runElsewhere(job)
        } else if wasEmpty && !isOnLoopThread {
            // The loop runs queued jobs before it waits again; only a job from another thread needs to wake it.
            wake()
        }
    }

    var hasJobs: Bool { queue.withLock { !$0.jobs.isEmpty } }

    /// Runs the jobs queued so far; jobs they enqueue wait for the next call, so sockets are served in between.
    func runQueuedJobs() {
        let batch = queue.withLock { queue in
            defer { queue.jobs.removeAll(keepingCapacity: true) }
            return queue.jobs
        }
        let executor = asUnownedTaskExecutor()
        for job in batch { job.runSynchronously(on: executor) }
    }

    /// Called by the loop thread as it exits. Tasks that outlive the loop (cancelled handlers still unwinding,
    /// a detached continuation resuming late) finish on Dispatch's pool instead of waiting forever.
    func stop() {
        let leftover = queue.withLock { queue in
            queue.stopped = true
            defer { queue.jobs.removeAll() }
            return queue.jobs
        }
        for job in leftover { runElsewhere(job) }
    }

    private func runElsewhere(_ job: UnownedJob) {
        let executor = asUnownedTaskExecutor()
        DispatchQueue.global().async { job.runSynchronously(on: executor) }
    }
}
