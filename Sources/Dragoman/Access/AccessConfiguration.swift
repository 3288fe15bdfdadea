// The `access` section of the configuration: keys, limits and trusted proxies. Everything is off by default, so a
// fresh server answers anyone at full speed; operators turn on what they need.

public struct AccessConfiguration: Sendable, Codable, Hashable {
    /// A key given in configuration rather than through `dragoman keys add`; imported (hashed) at start.
    public struct ConfiguredKey: Sendable, Codable, Hashable {
        public var name: String
        public var key: String
        public var requestsPerMinute: Int?
        public var charactersPerMinute: Int?
        public var characterQuota: Int?
        public var admin: Bool?

        public init(name: String, key: String, requestsPerMinute: Int? = nil, charactersPerMinute: Int? = nil,
                    characterQuota: Int? = nil, admin: Bool? = nil) {
            self.name = name
            self.key = key
            self.requestsPerMinute = requestsPerMinute
            self.charactersPerMinute = charactersPerMinute
            self.characterQuota = characterQuota
            self.admin = admin
        }

        enum CodingKeys: String, CodingKey {
            case name, key, admin
            case requestsPerMinute = "requests_per_minute"
            case charactersPerMinute = "characters_per_minute"
            case characterQuota = "character_quota"
        }
    }

    /// Refuse requests without a valid key (403), except public metadata (languages, health, docs).
    public var keysRequired: Bool = false
    /// The key store; default `<dataDir>/keys.sqlite`.
    public var keysFile: String?
    public var keys: [ConfiguredKey] = []
    /// A secret that may perform admin operations (cache clear, key management) whatever the store holds.
    public var adminKey: String?
    /// Limits for requests without a key, counted per client address.
    public var anonymousRequestsPerMinute: Int?
    public var anonymousCharactersPerMinute: Int?
    /// Limits for keys stored without their own.
    public var keyRequestsPerMinute: Int?
    public var keyCharactersPerMinute: Int?
    /// Socket peers whose `X-Forwarded-For` is believed: addresses or CIDR blocks.
    public var trustedProxies: [String] = []
    /// Share buckets across instances through the configured Redis (local buckets otherwise).
    public var sharedLimits: Bool = true

    public init() {}

    /// snake_case, like every other key of Config/dragoman.json.
    enum CodingKeys: String, CodingKey {
        case keys
        case keysRequired = "keys_required"
        case keysFile = "keys_file"
        case adminKey = "admin_key"
        case anonymousRequestsPerMinute = "anonymous_requests_per_minute"
        case anonymousCharactersPerMinute = "anonymous_characters_per_minute"
        case keyRequestsPerMinute = "key_requests_per_minute"
        case keyCharactersPerMinute = "key_characters_per_minute"
        case trustedProxies = "trusted_proxies"
        case sharedLimits = "shared_limits"
    }

    var anonymousLimit: RateLimit {
        RateLimit(requestsPerMinute: anonymousRequestsPerMinute, charactersPerMinute: anonymousCharactersPerMinute)
    }

    var defaultKeyLimit: RateLimit {
        RateLimit(requestsPerMinute: keyRequestsPerMinute, charactersPerMinute: keyCharactersPerMinute)
    }

    /// Whether the access layer has anything to do; when not, the middleware passes requests straight through.
    var isActive: Bool {
        keysRequired || !keys.isEmpty || adminKey != nil || anonymousLimit != .unlimited
            || defaultKeyLimit != .unlimited || keysFile != nil
    }
}

extension AccessConfiguration {
    /// Decoding tolerates missing fields: every option has a default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        keysRequired = try c.decodeIfPresent(Bool.self, forKey: .keysRequired) ?? false
        keysFile = try c.decodeIfPresent(String.self, forKey: .keysFile)
        keys = try c.decodeIfPresent([ConfiguredKey].self, forKey: .keys) ?? []
        adminKey = try c.decodeIfPresent(String.self, forKey: .adminKey)
        anonymousRequestsPerMinute = try c.decodeIfPresent(Int.self, forKey: .anonymousRequestsPerMinute)
        anonymousCharactersPerMinute = try c.decodeIfPresent(Int.self, forKey: .anonymousCharactersPerMinute)
        keyRequestsPerMinute = try c.decodeIfPresent(Int.self, forKey: .keyRequestsPerMinute)
        keyCharactersPerMinute = try c.decodeIfPresent(Int.self, forKey: .keyCharactersPerMinute)
        trustedProxies = try c.decodeIfPresent([String].self, forKey: .trustedProxies) ?? []
        sharedLimits = try c.decodeIfPresent(Bool.self, forKey: .sharedLimits) ?? true
    }
}
