// The last layer: command-line flags, and the --print-config rendering of the merged result.
import Foundation

public struct ConfigurationFlags: Sendable {
    public var host: String?
    public var port: Int?
    public var workers: Int?
    public var redis: String?
    public var dataDir: String?
    public var modelsDir: String?
    public var preload: Bool?

    public init(host: String? = nil, port: Int? = nil, workers: Int? = nil, redis: String? = nil,
                dataDir: String? = nil, modelsDir: String? = nil, preload: Bool? = nil) {
        self.host = host
        self.port = port
        self.workers = workers
        self.redis = redis
        self.dataDir = dataDir
        self.modelsDir = modelsDir
        self.preload = preload
    }
}

extension LoadedConfiguration {
    public mutating func applyFlags(_ flags: ConfigurationFlags) throws(ConfigurationError) {
        if let workers = flags.workers {
            guard workers >= 0 else { throw ConfigurationError(source: "--workers", reason: "must be 0 or more") }
            set(\.queue.workers, workers, key: "queue.workers", origin: "flag --workers")
        }
        if let redis = flags.redis {
            set(\.cache.redis.url, redis, key: "cache.redis.url", origin: "flag --redis")
            set(\.cache.redis.enabled, true, key: "cache.redis.enabled", origin: "flag --redis")
        }
        if let dir = flags.dataDir { set(\.dataDir, dir, key: "data_dir", origin: "flag --data-dir") }
        try applyComponentFlags(flags)
    }

    /// The merged configuration as JSON, then each key that was set and the layer that set it.
    public func describe() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(configuration), as: UTF8.self)
        let sources = origins.keys.sorted().map { "  \($0): \(origins[$0]!)" }
        return json + "\n\nset by (every other value is the default):\n"
            + (sources.isEmpty ? "  nothing" : sources.joined(separator: "\n"))
    }
}
