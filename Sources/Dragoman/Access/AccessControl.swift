// The access decision for one request: who is calling (a key, or a client address), whether they may, and how
// much of their budget the request takes. Refusals are HTTPErrors with stable codes; the compatibility layer
// reshapes them into LibreTranslate's or DeepL's error bodies on those paths.
import HTTPServer
import HTTPTypes
import Synchronization

public final class AccessControl: Sendable {
    public let configuration: AccessConfiguration
    public let store: KeyStore?
    private let limiter: any RateLimiter
    private let proxies: TrustedProxies
    private let adminKeyHash: String?
    /// The store's key counts, read again at most once a second: a key added with `dragoman keys add` (another
    /// process writing the same keys.sqlite) takes effect on a running server without a restart.
    private let census = Mutex<(value: KeyCensus, readAt: ContinuousClock.Instant)?>(nil)
    private static let censusLifetime = Duration.seconds(1)

    public init(configuration: AccessConfiguration, store: KeyStore?, limiter: any RateLimiter) throws {
        self.configuration = configuration
        self.store = store
        self.limiter = limiter
        self.proxies = try TrustedProxies(configuration.trustedProxies)
        self.adminKeyHash = configuration.adminKey.map(APIKeySecret.hash)
    }

    /// Whether there is anything to check: something configured, or live keys in the store. When not, requests
    /// pass straight through (no body parse, no store lookup).
    public func isActive() async throws -> Bool {
        if configuration.isActive { return true }
        return try await currentCensus().keys > 0
    }

    private func currentCensus() async throws -> KeyCensus {
        guard let store else { return KeyCensus(keys: 0, admins: 0) }
        let now = ContinuousClock.now
        if let cached = census.withLock({ $0 }), now - cached.readAt < Self.censusLifetime { return cached.value }
        let fresh = try await store.census()
        census.withLock { $0 = (fresh, now) }
        return fresh
    }

    /// Imports the keys given in configuration into the store (hashed; a second start changes nothing).
    public func importConfiguredKeys() async throws {
        guard let store else { return }
        for configured in configuration.keys {
            let limit = RateLimit(
                requestsPerMinute: configured.requestsPerMinute, charactersPerMinute: configured.charactersPerMinute)
            try await store.importSecret(
                configured.key, name: configured.name, limit: limit, characterQuota: configured.characterQuota,
                isAdmin: configured.admin ?? false)
        }
    }

    /// Who made the request and what they may do; throws the refusal as an HTTPError.
    public func admit(_ request: Request, fields: RequestFields) async throws -> Admission {
        let secret = PresentedKey.find(in: request, body: fields)
        let key = try await resolve(secret: secret, request: request)
        let characters = fields.textCharacterCount
        if let key, let quota = key.characterQuota, key.charactersUsed + characters > quota {
            throw AccessDenial.quotaExceeded(deepL: AccessRules.isDeepL(request), used: key.charactersUsed, quota: quota)
        }
        let client = key.map { "key:\($0.id)" } ?? "ip:\(clientAddress(of: request))"
        let limit = key.map { $0.limit == .unlimited ? configuration.defaultKeyLimit : $0.limit }
            ?? configuration.anonymousLimit
        guard limit != .unlimited else { return Admission(key: key, characters: characters, decision: nil) }
        let decision = try await limiter.acquire(client: client, characters: characters, limit: limit)
        guard decision.allowed else { throw AccessDenial.rateLimited(decision) }
        return Admission(key: key, characters: characters, decision: decision)
    }

    /// Adds a finished request's characters to its key's usage.
    public func record(_ admission: Admission) async throws {
        guard let key = admission.key, admission.characters > 0, let store else { return }
        try await store.recordUsage(id: key.id, characters: admission.characters)
    }

    public func clientAddress(of request: Request) -> String {
        proxies.clientAddress(peer: request.remoteAddress, forwardedFor: request.headers[.xForwardedFor])
    }

    private func resolve(secret: String?, request: Request) async throws -> APIKey? {
        if let secret, let adminKeyHash, APIKeySecret.hash(secret) == adminKeyHash {
            return APIKey.configuredAdmin
        }
        let key = try await secret.asyncFlatMap { try await store?.key(forSecret: $0) }
        if secret != nil && key == nil { throw AccessDenial.invalidKey }
        if AccessRules.isAdmin(request), try await adminRequired(), key?.isAdmin != true {
            throw AccessDenial.adminRequired
        }
        if key == nil, configuration.keysRequired, !AccessRules.isPublic(request) { throw AccessDenial.keyRequired }
        return key
    }

    /// Admin operations are open only while nobody configured or stored any kind of admin key.
    private func adminRequired() async throws -> Bool {
        if configuration.adminKey != nil || configuration.keysRequired { return true }
        return try await currentCensus().admins > 0
    }
}

/// The outcome of a successful admission.
public struct Admission: Sendable {
    public var key: APIKey?
    public var characters: Int
    /// nil when the caller has no limits (no `X-RateLimit-*` headers then).
    public var decision: RateLimitDecision?
}

extension APIKey {
    /// The configuration's admin secret, as a key: admin, unlimited, never stored.
    static let configuredAdmin = APIKey(
        id: "admin", name: "configured admin key", isAdmin: true, limit: .unlimited, characterQuota: nil,
        charactersUsed: 0, createdAt: .distantPast, revokedAt: nil)
}

extension Optional {
    fileprivate func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
