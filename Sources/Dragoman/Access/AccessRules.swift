// Which paths are public, which are admin-only, and which carry translatable characters. Kept in one table so
// the access middleware and its tests agree on it.
import HTTPServer

enum AccessRules {
    /// Readable without a key even when keys are required: liveness, readiness, scraping, docs, language lists
    /// (LibreTranslate serves /languages and /frontend/settings to anonymous web frontends).
    static let publicPaths: Set<String> = [
        "/health", "/ready", "/metrics", "/openapi.json", "/languages", "/frontend/settings", "/api/languages",
    ]

    /// Admin operations: clearing the cache and managing keys.
    static func isAdmin(_ request: Request) -> Bool {
        if request.path.hasPrefix("/api/keys") || request.path.hasPrefix("/api/admin") { return true }
        return request.path.hasPrefix("/api/cache") && request.method != .get
    }

    static func isPublic(_ request: Request) -> Bool {
        request.method == .get && publicPaths.contains(request.path)
    }

    /// DeepL's paths answer quota exhaustion with its own 456 status.
    static func isDeepL(_ request: Request) -> Bool { request.path.hasPrefix("/v2/") }
}
