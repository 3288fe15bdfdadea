// How a cached translation is stored as a Redis value: "DRG1" then six length-prefixed UTF-8 fields (digest,
// engine, engine version, source, target, translation). The digest and the key fields are checked on every read,
// so a value written by another program, another schema or a bit flip is a miss, never a wrong translation or a
// crash. Hand-rolled rather than JSON: decoding is a few bounds checks, which keeps a Redis hit near the wire cost.
enum RedisValueCodec {
    static let magic: [UInt8] = Array("DRG1".utf8)

    static func encode(_ key: CacheKey, digest: String, _ value: CachedTranslation) -> [UInt8] {
        var bytes = magic
        for field in [digest, key.engine, value.engineVersion, key.source, key.target, value.translation] {
            let utf8 = Array(field.utf8)
            withUnsafeBytes(of: UInt32(utf8.count).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: utf8)
        }
        return bytes
    }

    /// The translation if `bytes` is a well-formed value for exactly this key, else nil.
    static func decode(_ bytes: [UInt8], for key: CacheKey, digest: String) -> CachedTranslation? {
        guard bytes.count >= magic.count, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
        var offset = magic.count
        var fields: [String] = []
        while fields.count < 6 {
            guard offset + 4 <= bytes.count else { return nil }
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            offset += 4
            guard length <= bytes.count - offset,
                let field = String(validating: bytes[offset..<offset + length], as: UTF8.self)
            else { return nil }
            fields.append(field)
            offset += length
        }
        guard offset == bytes.count, fields[0] == digest, fields[1] == key.engine,
            fields[2] == key.engineVersion, fields[3] == key.source, fields[4] == key.target
        else { return nil }
        return CachedTranslation(translation: fields[5], engineVersion: fields[2])
    }
}
