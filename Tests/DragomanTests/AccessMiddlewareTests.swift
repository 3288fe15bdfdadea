// The access middleware in front of a responder: keys required, bad keys, admin paths, quotas and 429s.
import Foundation
import HTTPServer
import HTTPTypes
import TestSupport
import Testing

@testable import Dragoman

@Suite struct AccessMiddlewareTests {
    let folder = TemporaryDirectory()
    let ok = ClosureResponder { _ in Response.text("ok") }

    func middleware(_ configure: (inout AccessConfiguration) -> Void, clock: ManualClock = ManualClock())
        async throws -> AccessMiddleware
    {
        var configuration = AccessConfiguration()
        configure(&configuration)
        let store = try await KeyStore(path: folder.file("keys.sqlite"))
        let control = try AccessControl(
            configuration: configuration, store: store, limiter: LocalRateLimiter(clock: clock.clock))
        try await control.importConfiguredKeys()
        return AccessMiddleware(control: control)
    }

    func post(_ path: String, json: String, headers: HTTPFields = [:], from peer: String = "127.0.0.1") -> Request {
        var fields = headers
        fields[.contentType] = "application/json"
        return Request(method: .post, path: path, headers: fields, body: Array(json.utf8), remoteAddress: peer)
    }

    @Test func keysRequiredRefusesAnonymousTranslationButNotPublicPaths() async throws {
        let access = try await middleware { $0.keysRequired = true }
        await #expect(throws: HTTPError.self) { try await access.respond(to: post("/translate", json: "{}"), next: ok) }
        let languages = try await access.respond(to: Request(method: .get, path: "/languages"), next: ok)
        #expect(languages.status == .ok)
    }

    @Test func keyInBodyHeaderOrQueryIsAccepted() async throws {
        let access = try await middleware {
            $0.keysRequired = true
            $0.keys = [.init(name: "a", key: "secret-a")]
        }
        let body = post("/translate", json: #"{"q":"hi","api_key":"secret-a"}"#)
        #expect(try await access.respond(to: body, next: ok).status == .ok)
        let deepL = post("/v2/translate", json: "{}", headers: [.authorization: "DeepL-Auth-Key secret-a"])
        #expect(try await access.respond(to: deepL, next: ok).status == .ok)
        let wrong = post("/translate", json: #"{"api_key":"nope"}"#)
        let error = await #expect(throws: HTTPError.self) { try await access.respond(to: wrong, next: ok) }
        #expect(error?.code == "invalid_api_key" && error?.status == .forbidden)
    }

    @Test func anonymousClientsAreLimitedPerAddressWithHeaders() async throws {
        let access = try await middleware { $0.anonymousRequestsPerMinute = 2 }
        let first = try await access.respond(to: post("/translate", json: "{}", from: "198.51.100.1"), next: ok)
        #expect(first.headers[HTTPField.Name("X-RateLimit-Limit")!] == "2")
        #expect(first.headers[HTTPField.Name("X-RateLimit-Remaining")!] == "1")
        _ = try await access.respond(to: post("/translate", json: "{}", from: "198.51.100.1"), next: ok)
        let error = await #expect(throws: HTTPError.self) {
            try await access.respond(to: post("/translate", json: "{}", from: "198.51.100.1"), next: ok)
        }
        #expect(error?.status == .tooManyRequests && error?.headers[.retryAfter] == "30")
        #expect(error?.headers[HTTPField.Name("X-RateLimit-Remaining")!] == "0")
        // Another address has its own bucket.
        #expect(try await access.respond(to: post("/translate", json: "{}", from: "198.51.100.2"), next: ok).status == .ok)
    }

    @Test func deepLQuotaIsEnforcedWith456AndUsageIsCharged() async throws {
        let access = try await middleware { $0.keys = [.init(name: "q", key: "k", characterQuota: 10)] }
        let auth: HTTPFields = [.authorization: "DeepL-Auth-Key k"]
        _ = try await access.respond(to: post("/v2/translate", json: #"{"text":["Hello"]}"#, headers: auth), next: ok)
        _ = try await access.respond(to: post("/v2/translate", json: #"{"text":["Hello"]}"#, headers: auth), next: ok)
        let error = await #expect(throws: HTTPError.self) {
            try await access.respond(to: post("/v2/translate", json: #"{"text":["!"]}"#, headers: auth), next: ok)
        }
        #expect(error?.status.code == 456 && error?.code == "quota_exceeded")
        #expect(try await access.control.store?.key(forSecret: "k")?.charactersUsed == 10)
    }

    @Test func keysAddedToTheStoreTakeEffectWithoutARestart() async throws {
        let access = try await middleware { _ in }
        let clear = Request(method: .delete, path: "/api/cache")
        #expect(try await access.respond(to: clear, next: ok).status == .ok)  // nothing configured: open
        let store = try #require(access.control.store)
        let (_, adminSecret) = try await store.add(name: "ops", isAdmin: true)
        try await Task.sleep(for: .milliseconds(1_100))  // the store's key counts are read at most once a second
        let refused = await #expect(throws: HTTPError.self) { try await access.respond(to: clear, next: ok) }
        #expect(refused?.code == "admin_required")
        var authorized = clear
        authorized.headers[.authorization] = "Bearer \(adminSecret)"
        #expect(try await access.respond(to: authorized, next: ok).status == .ok)
        let wrong = post("/translate", json: #"{"q":"hi","api_key":"not-a-key"}"#)
        let invalid = await #expect(throws: HTTPError.self) { try await access.respond(to: wrong, next: ok) }
        #expect(invalid?.code == "invalid_api_key")
    }

    @Test func adminPathsNeedTheAdminKeyOnceOneIsConfigured() async throws {
        let access = try await middleware { $0.adminKey = "root" }
        let clear = Request(method: .delete, path: "/api/cache")
        let error = await #expect(throws: HTTPError.self) { try await access.respond(to: clear, next: ok) }
        #expect(error?.code == "admin_required")
        var authorized = clear
        authorized.headers[.authorization] = "Bearer root"
        #expect(try await access.respond(to: authorized, next: ok).status == .ok)
    }
}
