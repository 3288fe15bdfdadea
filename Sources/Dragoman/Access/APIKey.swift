// An API key as the store keeps it: never the secret itself, only its SHA-256, plus the key's own limits.
import Crypto
import Foundation

public struct APIKey: Sendable, Hashable, Codable {
    /// A short public id, shown by `dragoman keys list` and accepted by `revoke`.
    public var id: String
    public var name: String
    public var isAdmin: Bool
    public var limit: RateLimit
    /// Characters this key may translate in total (DeepL's `character_limit`); nil for no quota.
    public var characterQuota: Int?
    public var charactersUsed: Int
    public var createdAt: Date
    public var revokedAt: Date?

    public var isRevoked: Bool { revokedAt != nil }
}

/// Making and hashing secrets. A secret has 190 bits of randomness, so a plain SHA-256 (no salt, no stretching)
/// is enough: nobody can brute-force the preimage, and a fast hash keeps the per-request lookup cheap.
public enum APIKeySecret {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// A fresh secret, `dgm_` followed by 32 base-62 characters.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return "dgm_" + String((0..<32).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// Lower-case hex SHA-256 of the secret's UTF-8 bytes: what the store keeps and looks up by.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Array(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A random public id: 8 hex digits.
    public static func newID() -> String {
        String(format: "%08x", UInt32.random(in: .min ... .max))
    }
}
