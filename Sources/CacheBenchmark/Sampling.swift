// Timing loops for the cache benchmark: each sample is one call timed with the monotonic clock, and p50/p99 are
// exact order statistics of the sorted samples.
import Dispatch

typealias Summary = (p50: Double, p99: Double, hits: Int)

func sample(_ iterations: Int, _ body: () throws -> Void) rethrows -> Summary {
    var samples: [Double] = []
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
    }
    return summarize(&samples, hits: iterations)
}

func sampleAsync(_ iterations: Int, _ body: () async throws -> Void) async rethrows -> Summary {
    var samples: [Double] = []
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
    }
    return summarize(&samples, hits: iterations)
}

func summarize(_ samples: inout [Double], hits: Int) -> Summary {
    samples.sort()
    return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 99 / 100)], hits)
}
