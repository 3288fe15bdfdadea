// DeepL v2's documented requests and responses, with real Apertium translations.
import Foundation
import HTTPServer
import HTTPTypes
import TestSupport
import Testing

@testable import Dragoman

@Suite struct CompatibilityDeepLTests {
    let api = DeepLAPI(backend: ApertiumCommandBackend(), access: nil)

    func call(_ handler: @escaping @Sendable (Request) async throws -> Response, _ request: Request) async throws
        -> (Int, Any)
    {
        let response = try await CompatibilityErrorMiddleware().respond(to: request, next: ClosureResponder(handler))
        return (Int(response.status.code), try JSONSerialization.jsonObject(with: Data(response.body)))
    }

    func json(_ body: String) -> Request {
        Request(method: .post, path: "/v2/translate", headers: [.contentType: "application/json"], body: Array(body.utf8))
    }

    @Test func documentedJSONExample() async throws {
        let (status, body) = try await call(api.translate, json(#"{"text": ["Hello world"], "target_lang": "ES"}"#))
        #expect(status == 200)
        let translations = try #require((body as? [String: Any])?["translations"] as? [[String: String]])
        #expect(translations == [["detected_source_language": "EN", "text": "Hola Mundo"]])
    }

    @Test func formWithRepeatedTextAndRegionalTarget() async throws {
        let request = Request(
            method: .post, path: "/v2/translate", headers: [.contentType: "application/x-www-form-urlencoded"],
            body: Array("text=Hola%20mundo&text=Buenos%20d%C3%ADas&target_lang=EN-GB&source_lang=ES".utf8))
        let (status, body) = try await call(api.translate, request)
        let translations = try #require((body as? [String: Any])?["translations"] as? [[String: String]])
        #expect(status == 200 && translations.map { $0["text"] } == ["Hello World", "Good morning"])
        #expect(translations.allSatisfy { $0["detected_source_language"] == "ES" })
    }

    @Test func htmlTagHandling() async throws {
        let request = json(#"{"text": ["<p>Hello <b>world</b></p>"], "target_lang": "ES", "tag_handling": "html"}"#)
        let (_, body) = try await call(api.translate, request)
        let translations = try #require((body as? [String: Any])?["translations"] as? [[String: String]])
        // Each text node is translated on its own, so "world" alone is Apertium's "Mundial"; the tags stay put.
        #expect(translations.first?["text"] == "<p>Hola <b>Mundial</b></p>")
    }

    @Test func moreThanFiftyTextsIs413() async throws {
        let texts = Array(repeating: "\"a\"", count: 51).joined(separator: ",")
        let (status, body) = try await call(api.translate, json(#"{"text": [\#(texts)], "target_lang": "ES"}"#))
        #expect(status == 413 && (body as? [String: String])?["message"] != nil)
    }

    @Test func unsupportedTargetIs400WithDeepLsMessage() async throws {
        let (status, body) = try await call(api.translate, json(#"{"text": ["Hi"], "target_lang": "JA"}"#))
        #expect(status == 400 && (body as? [String: String])?["message"] == "Value for 'target_lang' not supported.")
    }

    @Test func targetLanguagesUseRegionalVariantsAndReportFormality() async throws {
        let request = Request(method: .get, path: "/v2/languages", query: ["type": "target"])
        let (_, body) = try await call(api.languages, request)
        let languages = try #require(body as? [[String: Any]])
        #expect(languages.map { $0["language"] as? String } == ["EN-GB", "EN-US", "ES"])
        #expect(languages.allSatisfy { $0["supports_formality"] as? Bool == false })
        let (_, sources) = try await call(api.languages, Request(method: .get, path: "/v2/languages"))
        #expect((sources as? [[String: Any]])?.map { $0["language"] as? String } == ["EN", "ES"])
    }

    @Test func usageReportsTheKeysCountAndLimit() async throws {
        let folder = TemporaryDirectory()
        let store = try await KeyStore(path: folder.file("keys.sqlite"))
        let (key, secret) = try await store.add(name: "deepl", characterQuota: 500_000)
        try await store.recordUsage(id: key.id, characters: 1_234)
        let control = try AccessControl(configuration: AccessConfiguration(), store: store, limiter: LocalRateLimiter())
        let api = DeepLAPI(backend: ApertiumCommandBackend(), access: control)
        let request = Request(method: .get, path: "/v2/usage", headers: [.authorization: "DeepL-Auth-Key \(secret)"])
        let (_, body) = try await call(api.usage, request)
        #expect(body as? [String: Int] == ["character_count": 1_234, "character_limit": 500_000])
    }
}
