// Everything Dragoman can be told, as one Codable value: Config/dragoman.json (snake_case keys, every key
// optional), then environment variables, then command-line flags. Config/README.md documents each key.
import Cache
import Engines
import Foundation
import HTTPServer

public struct Configuration: Sendable, Codable, Equatable {
    public var server = ServerConfiguration()
    public var cache = CacheConfiguration()
    public var apertium = ApertiumConfiguration()
    public var marian = MarianConfiguration()
    public var queue = QueueSettings()
    public var tasks = TaskSettings()
    public var limits = ServiceLimits()
    /// Where the task store and the SQLite cache live.
    public var dataDir = "data"
    public var defaultEngine = "apertium"
    /// When set, DELETE /api/cache requires it in `X-Admin-Key` (or `Authorization: Bearer`).
    public var adminKey: String?
    public var logLevel = "info"
    /// API keys, rate limits and trusted proxies (Access/AccessConfiguration.swift); all off by default.
    public var access = AccessConfiguration()

    public init() {}

    enum CodingKeys: String, CodingKey {
        case server, cache, apertium, marian, queue, tasks, limits, access
        case dataDir = "data_dir"
        case defaultEngine = "default_engine"
        case adminKey = "admin_key"
        case logLevel = "log_level"
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Configuration()
        server = try values.decodeIfPresent(ServerConfiguration.self, forKey: .server) ?? defaults.server
        cache = try values.decodeIfPresent(CacheConfiguration.self, forKey: .cache) ?? defaults.cache
        apertium = try values.decodeIfPresent(ApertiumConfiguration.self, forKey: .apertium) ?? defaults.apertium
        marian = try values.decodeIfPresent(MarianConfiguration.self, forKey: .marian) ?? defaults.marian
        queue = try values.decodeIfPresent(QueueSettings.self, forKey: .queue) ?? defaults.queue
        tasks = try values.decodeIfPresent(TaskSettings.self, forKey: .tasks) ?? defaults.tasks
        limits = try values.decodeIfPresent(ServiceLimits.self, forKey: .limits) ?? defaults.limits
        dataDir = try values.decodeIfPresent(String.self, forKey: .dataDir) ?? defaults.dataDir
        defaultEngine = try values.decodeIfPresent(String.self, forKey: .defaultEngine) ?? defaults.defaultEngine
        adminKey = try values.decodeIfPresent(String.self, forKey: .adminKey) ?? defaults.adminKey
        logLevel = try values.decodeIfPresent(String.self, forKey: .logLevel) ?? defaults.logLevel
        access = try values.decodeIfPresent(AccessConfiguration.self, forKey: .access) ?? defaults.access
    }

    /// The task database's path: absolute as given, otherwise inside `dataDir`.
    public var taskStorePath: String {
        tasks.path.hasPrefix("/") ? tasks.path : URL(fileURLWithPath: dataDir).appendingPathComponent(tasks.path).path
    }
}
