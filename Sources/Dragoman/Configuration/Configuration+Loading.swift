// Layering: defaults ← the JSON file ← environment ← flags. Each layer records where the values it set came
// from, so `dragoman serve --print-config` can say why a value is what it is.
import Foundation

public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var source: String
    public var reason: String
    public var description: String { "\(source): \(reason)" }
}

/// A configuration and, per dotted key ("server.port"), the layer that last set it.
public struct LoadedConfiguration: Sendable {
    public var configuration: Configuration
    public var origins: [String: String] = [:]

    public init(configuration: Configuration = Configuration(), origins: [String: String] = [:]) {
        self.configuration = configuration
        self.origins = origins
    }

    mutating func set<T>(_ path: WritableKeyPath<Configuration, T>, _ value: T, key: String, origin: String) {
        configuration[keyPath: path] = value
        origins[key] = origin
    }
}

extension Configuration {
    /// Reads the JSON file at `path`; a key it leaves out keeps its default.
    public static func load(file path: String) throws(ConfigurationError) -> LoadedConfiguration {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ConfigurationError(source: path, reason: "cannot read: \(error.localizedDescription)")
        }
        do {
            let configuration = try JSONDecoder().decode(Configuration.self, from: data)
            var loaded = LoadedConfiguration(configuration: configuration)
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            for key in flattenKeys(object, prefix: "") { loaded.origins[key] = "file \(path)" }
            return loaded
        } catch {
            throw ConfigurationError(source: path, reason: "invalid configuration: \(error)")
        }
    }

    static func flattenKeys(_ object: [String: Any], prefix: String) -> [String] {
        object.flatMap { key, value -> [String] in
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if let nested = value as? [String: Any] { return flattenKeys(nested, prefix: path) }
            return [path]
        }
    }
}

extension LoadedConfiguration {
    /// Applies HOST, PORT, REDIS_URL, WORKERS, DATA_DIR, MODELS_DIR, PRELOAD_MODELS and LOG_LEVEL.
    public mutating func applyEnvironment(_ environment: [String: String]) throws(ConfigurationError) {
        func origin(_ name: String) -> String { "environment \(name)" }
        if let url = environment["REDIS_URL"], !url.isEmpty {
            set(\.cache.redis.url, url, key: "cache.redis.url", origin: origin("REDIS_URL"))
            set(\.cache.redis.enabled, true, key: "cache.redis.enabled", origin: origin("REDIS_URL"))
        }
        if let workers = environment["WORKERS"] {
            guard let count = Int(workers), count >= 0 else {
                throw ConfigurationError(source: "WORKERS", reason: "not a worker count: \(workers)")
            }
            set(\.queue.workers, count, key: "queue.workers", origin: origin("WORKERS"))
        }
        if let dir = environment["DATA_DIR"], !dir.isEmpty {
            set(\.dataDir, dir, key: "data_dir", origin: origin("DATA_DIR"))
        }
        if let level = environment["LOG_LEVEL"], !level.isEmpty {
            set(\.logLevel, level, key: "log_level", origin: origin("LOG_LEVEL"))
        }
        try applyComponentEnvironment(environment)
    }
}

extension LoadedConfiguration {
    /// The layering every command uses: defaults ← `file` (when given) ← `environment` ← `flags`.
    public static func layered(
        file: String?, environment: [String: String], flags: ConfigurationFlags
    ) throws(ConfigurationError) -> LoadedConfiguration {
        var loaded = try file.map { path throws(ConfigurationError) in try Configuration.load(file: path) }
            ?? LoadedConfiguration()
        try loaded.applyEnvironment(environment)
        try loaded.applyFlags(flags)
        return loaded
    }
}
