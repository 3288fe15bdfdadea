// What a cached translation is keyed by: the same text through a different engine, engine version or
// direction is a different translation, so all of them are part of the key.
import Crypto

public struct CacheKey: Hashable, Sendable {
    public var engine: String
    public var engineVersion: String
    public var source: String
    public var target: String
    public var text: String

    public init(engine: String, engineVersion: String, source: String, target: String, text: String) {
        self.engine = engine
        self.engineVersion = engineVersion
        self.source = source
        self.target = target
        self.text = text
    }

    /// A fixed-size digest of every field, used as the key in Redis and SQLite.
    /// Fields are length-prefixed so ("ab", "c") and ("a", "bc") can never collide.
    /// Every cache look-up computes it, so it hashes the strings' bytes in place and writes the hex through a
    /// table (the first version's per-byte `String(radix:)` and array copies cost several µs per key).
    public var digest: String {
        var hasher = SHA256()
        for field in [engine, engineVersion, source, target, text] {
            var field = field
            field.withUTF8 { bytes in
                var prefix = String(bytes.count)
                prefix.append(":")
                prefix.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
            }
        }
        let hash = hasher.finalize()
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
            var position = 0
            for byte in hash {
                buffer[position] = Self.hexDigits[Int(byte >> 4)]
                buffer[position + 1] = Self.hexDigits[Int(byte & 0x0f)]
                position += 2
            }
            return position
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

/// A translation as the cache stores it: the text and what made it.
public struct CachedTranslation: Hashable, Sendable, Codable {
    public var translation: String
    public var engineVersion: String

    public init(translation: String, engineVersion: String) {
        self.translation = translation
        self.engineVersion = engineVersion
    }
}

/// One tier's counters, as `/api/cache/stats` reports them.
public struct TierStats: Sendable, Codable, Equatable {
    public var name: String
    public var enabled: Bool
    public var healthy: Bool
    public var detail: String?
    public var hits: Int
    public var misses: Int
    public var errors: Int
    public var entries: Int
    public var bytes: Int
    public var p50Micros: Double
    public var p99Micros: Double

    public init(
        name: String, enabled: Bool = true, healthy: Bool = true, detail: String? = nil, hits: Int = 0,
        misses: Int = 0, errors: Int = 0, entries: Int = 0, bytes: Int = 0, p50Micros: Double = 0,
        p99Micros: Double = 0
    ) {
        self.name = name
        self.enabled = enabled
        self.healthy = healthy
        self.detail = detail
        self.hits = hits
        self.misses = misses
        self.errors = errors
        self.entries = entries
        self.bytes = bytes
        self.p50Micros = p50Micros
        self.p99Micros = p99Micros
    }

    enum CodingKeys: String, CodingKey {
        case name, enabled, healthy, detail, hits, misses, errors, entries, bytes
        case p50Micros = "p50_us"
        case p99Micros = "p99_us"
    }
}
