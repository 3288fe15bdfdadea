// Dragoman's key names in a Redis that other programs may share: `dragoman:v1:tr:<source>:<target>:<digest>`.
// The pair is part of the name so that clearing one pair is a SCAN over `dragoman:v1:tr:en:es:*` and never needs
// a side index (a per-pair set would keep members of expired keys and can drift from the keys on a crash
// between the two writes); clearing everything must SCAN anyway, because FLUSHDB would wipe other programs' keys.
enum RedisKeyspace {
    static let prefix = "dragoman:v1:tr:"

    static func key(_ key: CacheKey, digest: String) -> String {
        prefix + component(key.source) + ":" + component(key.target) + ":" + digest
    }

    /// The SCAN MATCH pattern for every key, or every key of one pair.
    static func pattern(pair: (source: String, target: String)?) -> String {
        guard let pair else { return prefix + "*" }
        return prefix + component(pair.source) + ":" + component(pair.target) + ":*"
    }

    /// Language codes are letters, digits and '-' or '_'; anything else (':' or a glob character such as '*')
    /// is percent-encoded so that a code can neither split the name nor widen a MATCH pattern.
    static func component(_ code: String) -> String {
        var result = ""
        for byte in code.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
