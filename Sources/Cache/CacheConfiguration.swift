// The cache section of Dragoman's configuration file. Keys are snake_case and every field has a default, so
// `{}` or `{"redis": {"enabled": true, "url": "redis://cache:6379/0"}}` decode. REDIS_URL is applied by the
// service's configuration layer, not here.
public struct CacheConfiguration: Sendable, Codable, Equatable {
    public struct Memory: Sendable, Codable, Equatable {
        public var enabled = true
        public var maxBytes = 64 << 20
        public var ttlSeconds = 86_400.0

        public init() {}

        enum CodingKeys: String, CodingKey {
            case enabled
            case maxBytes = "max_bytes"
            case ttlSeconds = "ttl_seconds"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
            maxBytes = try container.decodeIfPresent(Int.self, forKey: .maxBytes) ?? maxBytes
            ttlSeconds = try container.decodeIfPresent(Double.self, forKey: .ttlSeconds) ?? ttlSeconds
        }
    }

    public struct SQLite: Sendable, Codable, Equatable {
        public var enabled = true
        /// Relative paths are resolved against the data directory (see `TieredCache.make`).
        public var path = "data/cache.sqlite"
        public var maxEntries = 1_000_000
        public var maxBytes = 1 << 30
        public var ttlSeconds = 2_592_000.0

        public init() {}

        enum CodingKeys: String, CodingKey {
            case enabled, path
            case maxEntries = "max_entries"
            case maxBytes = "max_bytes"
            case ttlSeconds = "ttl_seconds"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
            path = try container.decodeIfPresent(String.self, forKey: .path) ?? path
            maxEntries = try container.decodeIfPresent(Int.self, forKey: .maxEntries) ?? maxEntries
            maxBytes = try container.decodeIfPresent(Int.self, forKey: .maxBytes) ?? maxBytes
            ttlSeconds = try container.decodeIfPresent(Double.self, forKey: .ttlSeconds) ?? ttlSeconds
        }
    }

    public struct Redis: Sendable, Codable, Equatable {
        public var enabled = false
        public var url: String?
        public var ttlSeconds = 2_592_000
        public var timeoutMs = 50

        public init() {}

        enum CodingKeys: String, CodingKey {
            case enabled, url
            case ttlSeconds = "ttl_seconds"
            case timeoutMs = "timeout_ms"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
            url = try container.decodeIfPresent(String.self, forKey: .url) ?? url
            ttlSeconds = try container.decodeIfPresent(Int.self, forKey: .ttlSeconds) ?? ttlSeconds
            timeoutMs = try container.decodeIfPresent(Int.self, forKey: .timeoutMs) ?? timeoutMs
        }
    }

    public var memory = Memory()
    public var sqlite = SQLite()
    public var redis = Redis()

    public init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        memory = try container.decodeIfPresent(Memory.self, forKey: .memory) ?? memory
        sqlite = try container.decodeIfPresent(SQLite.self, forKey: .sqlite) ?? sqlite
        redis = try container.decodeIfPresent(Redis.self, forKey: .redis) ?? redis
    }

    enum CodingKeys: String, CodingKey {
        case memory, sqlite, redis
    }
}
