// Hit latency of each cache tier inside one process, for Scripts/bench-cache (which starts Redis and compares
// with redis-benchmark). Every sample is one single-key `get` through the CacheTier protocol, as TieredCache
// calls it, timed with the monotonic clock; p50/p99 are exact order statistics of the samples.
// Usage: CacheBenchmark [--redis-url URL] [--sqlite PATH] [--iterations N] [--only memory,redis,sqlite]
import Cache
import Dispatch
import Foundation
import Redis

struct Options {
    var redisURL: String?
    var sqlitePath = NSTemporaryDirectory() + "dragoman-bench-\(getpid()).sqlite"
    var iterations = 20_000
    /// Restricts the run to these tiers (memory, redis, sqlite); all when empty.
    var only: Set<String> = []

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst().makeIterator()
        while let flag = rest.next() {
            switch flag {
            case "--redis-url": redisURL = rest.next()
            case "--sqlite": sqlitePath = rest.next() ?? sqlitePath
            case "--iterations": iterations = rest.next().flatMap(Int.init) ?? iterations
            case "--only": only = Set((rest.next() ?? "").split(separator: ",").map(String.init))
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

/// Latency of `get` for `batch` keys at a time (one MGET / one SELECT … IN for the whole batch).
func measure(_ tier: any CacheTier, keys: Int, iterations: Int, batch: Int = 1) async -> Summary {
    await tier.set((0..<keys).map { (sampleKey($0), sampleValue($0)) })
    let probe = (0..<keys).map(sampleKey)
    let batches = (0..<keys).map { start in (0..<batch).map { probe[(start + $0) % keys] } }
    for index in 0..<min(iterations, 1_000) { _ = await tier.get(batches[index % keys]) }  // warm up
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    var hits = 0
    for index in 0..<iterations {
        let keys = batches[index % keys]
        let start = DispatchTime.now().uptimeNanoseconds
        let found = await tier.get(keys)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
        hits += found.count { $0 != nil }
    }
    return summarize(&samples, hits: hits)
}

func report(_ name: String, _ result: Summary, iterations: Int) {
    let line = String(format: "tier=%@ p50_us=%.2f p99_us=%.2f hits=%d/%d", name, result.p50, result.p99,
        result.hits, iterations)
    print(line)
}

let options = Options(CommandLine.arguments)
func wanted(_ name: String) -> Bool { options.only.isEmpty || options.only.contains(name) }

if wanted("memory") {
    let memory = MemoryTier()
    let iterations = options.iterations * 10
    report("memory", await measure(memory, keys: 1_000, iterations: iterations), iterations: iterations)
}
if let text = options.redisURL, wanted("redis") {
    let redis = RedisTier(url: try RedisURL(text))
    report("redis", await measure(redis, keys: 1_000, iterations: options.iterations), iterations: options.iterations)
    // Where the Redis tier's time goes: the bare round trip through RedisConnection on this thread, then the same
    // command through the RedisClient actor (adds the hop to its own thread and back).
    let batched = await measure(redis, keys: 1_000, iterations: options.iterations / 4, batch: 16)
    report("redis-mget16", batched, iterations: options.iterations / 4 * 16)
    let url = try RedisURL(text)
    let connection = try RedisConnection(url: url, connectTimeout: .seconds(1), commandTimeout: .seconds(1))
    let get = ["GET", "dragoman:bench:raw"]
    _ = try connection.command(["SET", get[1], String(repeating: "x", count: 200)])
    let raw = try sample(options.iterations) { _ = try connection.command(get) }
    report("redis-connection", raw, iterations: options.iterations)
    let hopped = try await sampleAsync(options.iterations) { _ = try await redis.client.command(get) }
    report("redis-client", hopped, iterations: options.iterations)
    // The executor hop alone: an actor property read, no I/O.
    let hop = await sampleAsync(options.iterations) { _ = await redis.client.isHealthy }
    report("executor-hop", hop, iterations: options.iterations)
    await redis.clear(pair: nil)
}
if wanted("sqlite") {
    let sqlite = try await SQLiteTier(path: options.sqlitePath)
    report("sqlite", await measure(sqlite, keys: 1_000, iterations: options.iterations), iterations: options.iterations)
    let batched = await measure(sqlite, keys: 1_000, iterations: options.iterations / 4, batch: 16)
    report("sqlite-in16", batched, iterations: options.iterations / 4 * 16)
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: options.sqlitePath + suffix) }
}
