// What /api/cache/stats and /health say about the cache, as Codable values with the wire's snake_case keys.
public struct CacheStats: Sendable, Codable, Equatable {
    public var tiers: [TierStats]
    public var hits: Int
    public var misses: Int
    /// hits / (hits + misses) over keys looked up through TieredCache; 0 before the first look-up.
    public var hitRate: Double

    public init(tiers: [TierStats], hits: Int, misses: Int) {
        self.tiers = tiers
        self.hits = hits
        self.misses = misses
        let total = hits + misses
        self.hitRate = total == 0 ? 0 : Double(hits) / Double(total)
    }

    enum CodingKeys: String, CodingKey {
        case tiers, hits, misses
        case hitRate = "hit_rate"
    }
}

public struct CacheHealth: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        case ok
        /// A tier is failing; the cache still answers from the others.
        case degraded
    }

    public struct Tier: Sendable, Codable, Equatable {
        public var name: String
        public var enabled: Bool
        public var healthy: Bool
        public var reason: String?

        public init(name: String, enabled: Bool, healthy: Bool, reason: String? = nil) {
            self.name = name
            self.enabled = enabled
            self.healthy = healthy
            self.reason = reason
        }
    }

    public var status: Status
    public var tiers: [Tier]

    public init(tiers: [Tier]) {
        self.tiers = tiers
        self.status = tiers.allSatisfy { $0.healthy || !$0.enabled } ? .ok : .degraded
    }
}
