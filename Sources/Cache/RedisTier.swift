// The shared tier: several Dragoman processes (and machines) read each other's translations through one Redis.
// Workload: one MGET per batch that missed memory, one pipelined `SET … EX` per computed batch. A dead or slow
// Redis is never an error for the caller: the client fails fast inside its backoff window, this tier reports
// misses, and stats/health carry the reason until a command succeeds again.
import Logging
import Redis
import Synchronization

public final class RedisTier: CacheTier {
    public let name = "redis"
    public let client: RedisClient
    /// Seconds before Redis expires an entry by itself (`SET … EX`).
    public let timeToLive: Int
    let metrics = TierMetrics()
    let logger: Logger
    /// Whether the last round trip failed, so an outage is logged once when it starts and once when it ends.
    private let down = Mutex(false)
    static let scanCount = "1000"

    public init(client: RedisClient, timeToLive: Int = 2_592_000, logger: Logger = Logger(label: "dragoman.cache")) {
        self.client = client
        self.timeToLive = max(1, timeToLive)
        self.logger = logger
    }

    public convenience init(
        url: RedisURL, timeout: Duration = .milliseconds(50), timeToLive: Int = 2_592_000,
        logger: Logger = Logger(label: "dragoman.cache")
    ) {
        let options = RedisClient.Options(connectTimeout: timeout, commandTimeout: timeout)
        self.init(client: RedisClient(url: url, options: options), timeToLive: timeToLive, logger: logger)
    }

    public func get(_ keys: [CacheKey]) async -> [CachedTranslation?] {
        guard !keys.isEmpty else { return [] }
        let start = TierMetrics.start()
        let digests = keys.map(\.digest)
        let names = zip(keys, digests).map { Array(RedisKeyspace.key($0, digest: $1).utf8) }
        do throws(RedisError) {
            guard case .array(let replies) = try await client.command([Array("MGET".utf8)] + names),
                replies.count == keys.count
            else {
                throw RedisError(kind: .unexpectedReply, operation: "MGET", message: "not an array of \(keys.count)")
            }
            let values = zip(replies, zip(keys, digests)).map { reply, key in
                reply.bytes.flatMap { RedisValueCodec.decode($0, for: key.0, digest: key.1) }
            }
            let hits = values.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
            metrics.record(hits: hits, misses: keys.count - hits, since: start)
            noteReachable()
            return values
        } catch {
            failed(error, misses: keys.count)
            return Array(repeating: nil, count: keys.count)
        }
    }

    public func set(_ entries: [(key: CacheKey, value: CachedTranslation)]) async {
        guard !entries.isEmpty else { return }
        let ttl = Array(String(timeToLive).utf8)
        let commands: [[[UInt8]]] = entries.map { entry in
            let digest = entry.key.digest
            let name = Array(RedisKeyspace.key(entry.key, digest: digest).utf8)
            return [Array("SET".utf8), name, RedisValueCodec.encode(entry.key, digest: digest, entry.value),
                Array("EX".utf8), ttl]
        }
        do {
            let replies = try await client.pipeline(commands)
            noteReachable()
            if let failure = replies.first(where: \.isError) {
                metrics.recordError(RedisError(kind: .server, operation: "SET", message: failure.text ?? ""))
            }
        } catch {
            failed(error)
        }
    }

    /// SCAN + UNLINK over our own key names only (UNLINK frees memory off Redis's main thread).
    public func clear(pair: (source: String, target: String)?) async {
        let pattern = RedisKeyspace.pattern(pair: pair)
        var cursor = "0"
        repeat {
            switch await unlinkPage(from: cursor, pattern: pattern) {
            case .success(let next): cursor = next
            case .failure(let error):
                failed(error)
                return
            }
        } while cursor != "0"
    }

    /// One SCAN page and the UNLINK of its keys; the next cursor, "0" when the scan is complete.
    /// A Result rather than a throw inside `clear`'s loop: Swift 6.3.1's optimizer crashes (signal 11 in
    /// CoroSplit, emitSetAndGetSwiftErrorValueAround) on a typed-throwing await inside a do/repeat loop.
    private func unlinkPage(from cursor: String, pattern: String) async -> Result<String, RedisError> {
        do {
            let reply = try await client.command(["SCAN", cursor, "MATCH", pattern, "COUNT", Self.scanCount])
            guard case .array(let parts) = reply, parts.count == 2, let next = parts[0].text,
                case .array(let names) = parts[1]
            else { return .failure(RedisError(kind: .unexpectedReply, operation: "SCAN", message: "\(reply)")) }
            let keys = names.compactMap(\.bytes)
            if !keys.isEmpty { _ = try await client.command([Array("UNLINK".utf8)] + keys) }
            return .success(next)
        } catch {
            return .failure(error)
        }
    }

    /// Health is the connection's: while down, a PING (which respects the backoff window) lets /health notice
    /// a returned Redis even when no request has come by. Entries and bytes are not counted: the keyspace is shared.
    public func stats() async -> TierStats {
        var stats = TierStats(name: name)
        metrics.fill(&stats)
        if await !client.isHealthy { _ = try? await client.command(["PING"]) }
        if let error = await client.lastError {
            stats.healthy = false
            stats.detail = String(describing: error)
        }
        return stats
    }

    private func failed(_ error: RedisError, misses: Int = 0) {
        metrics.recordError(error, misses: misses)
        guard error.kind != .unavailable, !exchangeDown(true) else { return }
        logger.warning("Redis tier unavailable; serving from the other tiers", metadata: ["error": "\(error)"])
    }

    private func noteReachable() {
        guard exchangeDown(false) else { return }
        logger.info("Redis tier reachable again", metadata: ["url": "\(client.url)"])
    }

    /// Sets the outage flag and returns its previous value.
    private func exchangeDown(_ value: Bool) -> Bool {
        down.withLock { state in
            let previous = state
            state = value
            return previous
        }
    }
}
