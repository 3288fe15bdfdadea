// The "queue" and "tasks" sections of Config/dragoman.json.
import Foundation
import Jobs

public struct QueueSettings: Sendable, Codable, Equatable {
    /// Worker count; 0 means one per core.
    public var workers = 0
    /// Distinct items waiting before submissions are refused with 429.
    public var capacity = 10_000
    /// Items of one engine and pair a worker hands to the engine at once.
    public var maxBatch = 16
    public var retryAttempts = 3
    public var retryBaseDelayMs = 100
    public var retryAfterSeconds = 1

    public init() {}

    public var resolvedWorkers: Int { workers > 0 ? workers : ProcessInfo.processInfo.activeProcessorCount }

    public var queueConfiguration: TranslationQueue.Configuration {
        .init(capacity: capacity, workers: resolvedWorkers, maxBatch: maxBatch,
              retry: RetryPolicy(maxAttempts: retryAttempts, baseDelay: .milliseconds(retryBaseDelayMs)),
              retryAfterSeconds: retryAfterSeconds)
    }

    enum CodingKeys: String, CodingKey {
        case workers, capacity
        case maxBatch = "max_batch"
        case retryAttempts = "retry_attempts"
        case retryBaseDelayMs = "retry_base_delay_ms"
        case retryAfterSeconds = "retry_after_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = QueueSettings()
        workers = try values.decodeIfPresent(Int.self, forKey: .workers) ?? defaults.workers
        capacity = try values.decodeIfPresent(Int.self, forKey: .capacity) ?? defaults.capacity
        maxBatch = try values.decodeIfPresent(Int.self, forKey: .maxBatch) ?? defaults.maxBatch
        retryAttempts = try values.decodeIfPresent(Int.self, forKey: .retryAttempts) ?? defaults.retryAttempts
        retryBaseDelayMs = try values.decodeIfPresent(Int.self, forKey: .retryBaseDelayMs) ?? defaults.retryBaseDelayMs
        retryAfterSeconds = try values.decodeIfPresent(Int.self, forKey: .retryAfterSeconds) ?? defaults.retryAfterSeconds
    }
}

public struct TaskSettings: Sendable, Codable, Equatable {
    /// File name of the task database, relative to data_dir unless absolute.
    public var path = "tasks.sqlite"
    /// Finished tasks are removed this long after they finish.
    public var retentionDays = 7.0
    public var chunkSize = 32
    public var chunksInFlight = 4

    public init() {}

    enum CodingKeys: String, CodingKey {
        case path
        case retentionDays = "retention_days"
        case chunkSize = "chunk_size"
        case chunksInFlight = "chunks_in_flight"
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TaskSettings()
        path = try values.decodeIfPresent(String.self, forKey: .path) ?? defaults.path
        retentionDays = try values.decodeIfPresent(Double.self, forKey: .retentionDays) ?? defaults.retentionDays
        chunkSize = try values.decodeIfPresent(Int.self, forKey: .chunkSize) ?? defaults.chunkSize
        chunksInFlight = try values.decodeIfPresent(Int.self, forKey: .chunksInFlight) ?? defaults.chunksInFlight
    }
}
