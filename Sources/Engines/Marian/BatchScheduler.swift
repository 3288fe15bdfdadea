// Dynamic batching for one model: sentences from every concurrent request wait in one FIFO queue, and each idle
// worker takes up to `maxBatchSize` of them as one batch. Requests that arrive together (or while all workers
// are busy) are therefore decoded together, which is where batching pays: one weight pass serves many rows.
// A batch that fails (ggml cannot allocate its caches) fails every request with a sentence in it; the worker
// stays in service, and the queue above retries those requests' texts on their own.
import Inference

actor BatchScheduler {
    private struct Job {
        let source: [Int32]
        let request: Int
        let slot: Int
    }

    private struct Request {
        var results: [[Int32]]
        var remaining: Int
        let continuation: CheckedContinuation<Result<[[Int32]], InferenceError>, Never>
    }

    private let options: SearchOptions
    private let maxBatchSize: Int
    private var idle: [MarianWorker]
    private var queue: [Job] = []
    private var requests: [Int: Request] = [:]
    private var nextRequest = 0
    private var dispatchPending = false

    init(workers: [MarianWorker], maxBatchSize: Int, options: SearchOptions) {
        idle = workers
        self.maxBatchSize = max(1, maxBatchSize)
        self.options = options
    }

    /// Generated ids for each source, in order.
    func submit(_ sources: [[Int32]]) async throws(InferenceError) -> [[Int32]] {
        guard !sources.isEmpty else { return [] }
        return try await withCheckedContinuation { continuation in
            let id = nextRequest
            nextRequest += 1
            requests[id] = Request(
                results: Array(repeating: [], count: sources.count), remaining: sources.count, continuation: continuation)
            queue += sources.enumerated().map { Job(source: $1, request: id, slot: $0) }
            dispatchSoon()
        }.get()
    }

    /// Dispatch after the calls already waiting on this actor have queued their sentences, so requests that
    /// arrive at the same moment share a batch even when a worker is idle.
    private func dispatchSoon() {
        guard !dispatchPending else { return }
        dispatchPending = true
        Task { self.dispatch() }
    }

    private func dispatch() {
        dispatchPending = false
        while !queue.isEmpty, let worker = idle.popLast() {
            let batch = Array(queue.prefix(maxBatchSize))
            queue.removeFirst(batch.count)
            let options = options
            Task {
                let outputs: Result<[[Int32]], InferenceError>
                do throws(InferenceError) {
                    outputs = .success(try await worker.translate(batch.map(\.source), options: options))
                } catch {
                    outputs = .failure(error)
                }
                self.finish(worker, batch, outputs)
            }
        }
    }

    private func finish(_ worker: MarianWorker, _ batch: [Job], _ outputs: Result<[[Int32]], InferenceError>) {
        switch outputs {
        case .success(let outputs):
            for (job, output) in zip(batch, outputs) where requests[job.request] != nil {
                requests[job.request]!.results[job.slot] = output
                requests[job.request]!.remaining -= 1
                if requests[job.request]!.remaining == 0, let request = requests.removeValue(forKey: job.request) {
                    request.continuation.resume(returning: .success(request.results))
                }
            }
        case .failure(let error):
            // A request already failed by an earlier batch is gone; its other sentences' results are dropped.
            for job in batch {
                requests.removeValue(forKey: job.request)?.continuation.resume(returning: .failure(error))
            }
            queue.removeAll { requests[$0.request] == nil }
        }
        idle.append(worker)
        dispatch()
    }
}
