// Hit latency of each cache tier inside one process, for Scripts/bench-cache (which starts Redis and compares
// with redis-benchmark). Every sample is one single-key `get` through the CacheTier protocol, as TieredCache
// calls it, timed with the monotonic clock; p50/p99 are exact order statistics of the samples.
// Usage: CacheBenchmark --redis-url URL --sqlite PATH [--iterations N]
import Cache
import Dispatch
import Foundation
import Redis

struct Options {
    var redisURL: String?
    var sqlitePath = NSTemporaryDirectory() + "dragoman-bench-\(getpid()).sqlite"
    var iterations = 20_000

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst().makeIterator()
        while let flag = rest.next() {
            switch flag {
            case "--redis-url": redisURL = rest.next()
            case "--sqlite": sqlitePath = rest.next() ?? sqlitePath
            case "--iterations": iterations = rest.next().flatMap(Int.init) ?? iterations
            default: fatalError("unknown option \(flag)")
            }
        }
    }
}

/// The same shape of entry the service stores: a sentence and its translation, ~100 bytes of text.
func sampleKey(_ number: Int) -> CacheKey {
    CacheKey(engine: "marian", engineVersion: "opus-mt-en-es@1", source: "en", target: "es",
        text: "The quick brown fox number \(number) jumps over the lazy dog near the river bank.")
}

func sampleValue(_ number: Int) -> CachedTranslation {
    CachedTranslation(translation: "El rápido zorro marrón número \(number) salta sobre el perro perezoso.",
        engineVersion: "opus-mt-en-es@1")
}

func measure(_ tier: any CacheTier, keys: Int, iterations: Int) async -> (p50: Double, p99: Double, hits: Int) {
    await tier.set((0..<keys).map { (sampleKey($0), sampleValue($0)) })
    let probe = (0..<keys).map(sampleKey)
    for index in 0..<min(iterations, 1_000) { _ = await tier.get([probe[index % keys]]) }  // warm up
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    var hits = 0
    for index in 0..<iterations {
        let key = probe[index % keys]
        let start = DispatchTime.now().uptimeNanoseconds
        let found = await tier.get([key])
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
        if found[0] != nil { hits += 1 }
    }
    samples.sort()
    return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 99 / 100)], hits)
}

func sample(_ iterations: Int, _ body: () throws -> Void) rethrows -> (p50: Double, p99: Double, hits: Int) {
    var samples: [Double] = []
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
    }
    samples.sort()
    return (samples[samples.count / 2], samples[samples.count * 99 / 100], iterations)
}

func sampleAsync(_ iterations: Int, _ body: () async throws -> Void) async rethrows -> (p50: Double, p99: Double, hits: Int) {
    var samples: [Double] = []
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
    }
    samples.sort()
    return (samples[samples.count / 2], samples[samples.count * 99 / 100], iterations)
}

func report(_ name: String, _ result: (p50: Double, p99: Double, hits: Int), iterations: Int) {
    let line = String(format: "tier=%@ p50_us=%.2f p99_us=%.2f hits=%d/%d", name, result.p50, result.p99,
        result.hits, iterations)
    print(line)
}

let options = Options(CommandLine.arguments)
let memory = MemoryTier()
report("memory", await measure(memory, keys: 1_000, iterations: options.iterations * 10), iterations: options.iterations * 10)
if let text = options.redisURL {
    let redis = RedisTier(url: try RedisURL(text))
    report("redis", await measure(redis, keys: 1_000, iterations: options.iterations), iterations: options.iterations)
    // Where the Redis tier's time goes: the bare round trip through RedisConnection on this thread, then the same
    // command through the RedisClient actor (adds the hop to its own thread and back).
    let connection = try RedisConnection(url: try RedisURL(text), connectTimeout: .seconds(1), commandTimeout: .seconds(1))
    _ = try connection.command(["SET", "dragoman:bench:raw", String(repeating: "x", count: 200)])
    report("redis-connection", try sample(options.iterations) { _ = try connection.command(["GET", "dragoman:bench:raw"]) },
        iterations: options.iterations)
    report("redis-client", try await sampleAsync(options.iterations) { _ = try await redis.client.command(["GET", "dragoman:bench:raw"]) },
        iterations: options.iterations)
    await redis.clear(pair: nil)
}
let sqlite = try await SQLiteTier(path: options.sqlitePath)
report("sqlite", await measure(sqlite, keys: 1_000, iterations: options.iterations), iterations: options.iterations)
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: options.sqlitePath + suffix) }
