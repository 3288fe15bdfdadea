// The `marian` section of Dragoman's configuration. Every field has a default, so `{}` is a valid section.
import Foundation

public struct MarianConfiguration: Codable, Sendable, Equatable {
    /// Directory scanned for `*.gguf` models; each is served under the language pair in its metadata.
    public var modelsDir: String = "models"
    /// ggml threads per worker; nil = the machine's cores divided among the workers.
    public var threads: Int? = nil
    /// Workers per model, each with its own KV caches and serial executor (translations run in parallel).
    public var workers: Int = 1
    /// The most sentences one worker decodes together as a batch.
    public var maxBatchSize: Int = 16
    /// Overrides the model's num_beams (1 = greedy).
    public var beamSize: Int? = nil
    /// Overrides the model's max_length (tokens, start token included).
    public var maxLength: Int? = nil
    /// Load every model at start-up instead of on its first request.
    public var preload: Bool = false
    /// The most memory (MiB) one worker's caches and activations may take; a batch that needs more fails with
    /// an error (and its texts are retried alone) instead of waking the OOM killer. 0 = no limit.
    public var maxWorkerMemoryMB: Int = 4096

    public init() {}

    enum CodingKeys: String, CodingKey {
        case modelsDir = "models_dir", threads, workers, maxBatchSize = "max_batch_size", beamSize = "beam_size"
        case maxLength = "max_length", preload, maxWorkerMemoryMB = "max_worker_memory_mb"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        modelsDir = try c.decodeIfPresent(String.self, forKey: .modelsDir) ?? modelsDir
        threads = try c.decodeIfPresent(Int.self, forKey: .threads)
        workers = max(1, try c.decodeIfPresent(Int.self, forKey: .workers) ?? workers)
        maxBatchSize = max(1, try c.decodeIfPresent(Int.self, forKey: .maxBatchSize) ?? maxBatchSize)
        beamSize = try c.decodeIfPresent(Int.self, forKey: .beamSize)
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength)
        preload = try c.decodeIfPresent(Bool.self, forKey: .preload) ?? preload
        maxWorkerMemoryMB = max(0, try c.decodeIfPresent(Int.self, forKey: .maxWorkerMemoryMB) ?? maxWorkerMemoryMB)
    }

    var workerMemoryLimit: Int { maxWorkerMemoryMB == 0 ? .max : maxWorkerMemoryMB << 20 }

    var threadsPerWorker: Int {
        threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, workers))
    }
}

