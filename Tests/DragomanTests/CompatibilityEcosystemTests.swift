// The ecosystem layer over a real Application: compatible routes answer through the service's queue and cache,
// metrics count them, /ready reflects engines and the task store, and every served route is documented.
import Engines
import Foundation
import HTTPServer
import HTTPTypes
import TestSupport
import Testing

@testable import Dragoman

@Suite(.serialized) struct CompatibilityEcosystemTests {
    func make(_ access: AccessConfiguration = AccessConfiguration(), engines: [any TranslationEngine]? = nil)
        async throws -> (Application, EcosystemLayer, any Responder, TemporaryDirectory)
    {
        let folder = TemporaryDirectory("ecosystem")
        var configuration = Configuration()
        configuration.dataDir = folder.path
        let application = try await Application.make(
            configuration: configuration, engines: engines ?? [ApertiumCommandEngine()],
            detector: ApertiumCommandDetector())
        try await application.start()
        let layer = try await EcosystemLayer.make(application: application, access: access)
        return (application, layer, layer.responder(wrapping: application.responder), folder)
    }

    func post(_ path: String, _ json: String, headers: HTTPFields = [:]) -> Request {
        var fields = headers
        fields[.contentType] = "application/json"
        return Request(method: .post, path: path, headers: fields, body: Array(json.utf8), remoteAddress: "127.0.0.1")
    }

    @Test func libreTranslateAndDeepLThroughTheServiceAndCountedInMetrics() async throws {
        let (application, _, responder, _) = try await make()
        defer { Task { await application.shutdown() } }
        let lt = try await responder.respond(to: post("/translate", #"{"q":"Hello world","source":"en","target":"es"}"#))
        #expect(String(decoding: lt.body, as: UTF8.self) == #"{"translatedText":"Hola Mundo"}"#)
        let deepL = try await responder.respond(to: post("/v2/translate", #"{"text":["Hello world"],"target_lang":"ES"}"#))
        #expect(String(decoding: deepL.body, as: UTF8.self).contains(#""text":"Hola Mundo""#))
        let metrics = try await responder.respond(to: Request(method: .get, path: "/metrics"))
        let text = String(decoding: metrics.body, as: UTF8.self)
        #expect(text.contains(#"dragoman_http_requests_total{route="/translate",method="POST",status="200"} 1"#))
        #expect(text.contains(#"dragoman_translations_total{engine="apertium",pair="en-es"} 1"#))
        #expect(text.contains("dragoman_workers "))
    }

    @Test func ownAPIAndBatchTranslationsAreCountedOnceNotAgainWhenCached() async throws {
        let (application, _, responder, _) = try await make()
        defer { Task { await application.shutdown() } }
        let body = #"{"text":["Good morning","Hello world"],"source":"en","target":"es"}"#
        #expect(try await responder.respond(to: post("/api/translate", body)).status == .ok)
        #expect(try await responder.respond(to: post("/api/translate", body)).status == .ok)
        let text = String(decoding: try await responder.respond(to: Request(method: .get, path: "/metrics")).body,
                          as: UTF8.self)
        #expect(text.contains(#"dragoman_translations_total{engine="apertium",pair="en-es"} 2"#))
        #expect(text.contains(#"dragoman_translated_characters_total{engine="apertium",pair="en-es"} 23"#))
        #expect(text.contains(#"dragoman_cache_hits_total{tier="memory"}"#))

        // Batch tasks translate through the same service, so they are counted too.
        let accepted = try await responder.respond(to: post("/api/batch", #"{"texts":["Good night"],"source":"en","target":"es"}"#))
        let id = try #require((try JSONSerialization.jsonObject(with: Data(accepted.body)) as? [String: Any])?["task_id"] as? String)
        var status = ""
        for _ in 0..<500 where status != "completed" {  // bounded: a stuck task fails the test instead of hanging it
            try await Task.sleep(for: .milliseconds(20))
            let task = try await responder.respond(to: Request(method: .get, path: "/api/task/\(id)"))
            status = (try JSONSerialization.jsonObject(with: Data(task.body)) as? [String: Any])?["status"] as? String ?? ""
        }
        #expect(status == "completed")
        let after = String(decoding: try await responder.respond(to: Request(method: .get, path: "/metrics")).body, as: UTF8.self)
        #expect(after.contains(#"dragoman_translations_total{engine="apertium",pair="en-es"} 3"#))
    }

    @Test func errorsOnCompatiblePathsSpeakTheirDialect() async throws {
        let (application, _, responder, _) = try await make()
        defer { Task { await application.shutdown() } }
        let lt = try await responder.respond(to: post("/translate", #"{"q":"Hi","source":"en"}"#))
        #expect(lt.status == .badRequest && String(decoding: lt.body, as: UTF8.self).contains(#""error":"Invalid"#))
        let wrongMethod = try await responder.respond(to: Request(method: .get, path: "/translate"))
        #expect(wrongMethod.status == .methodNotAllowed)
        #expect(String(decoding: wrongMethod.body, as: UTF8.self).hasPrefix(#"{"error":"allowed"#))
    }

    @Test func readyWhenEnginesAndStoreAreUpAndNotWithoutEngines() async throws {
        let (application, _, responder, _) = try await make()
        #expect(try await responder.respond(to: Request(method: .get, path: "/ready")).status == .ok)
        await application.shutdown()
        let (empty, _, bare, _) = try await make(engines: [])
        defer { Task { await empty.shutdown() } }
        let response = try await bare.respond(to: Request(method: .get, path: "/ready"))
        #expect(response.status == .serviceUnavailable)
        #expect(String(decoding: response.body, as: UTF8.self).contains("no translation engine"))
    }

    @Test func everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() async throws {
        let (application, layer, _, _) = try await make()
        defer { Task { await application.shutdown() } }
        let service = application.api.routes.map { route in
            "\(route.method.rawValue) " + route.pattern.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
        }
        let served = Set(service + layer.routes.map { "\($0.method.rawValue) \($0.path)" })
        let documented = Set(OpenAPIDocument.operations.map { "\($0.method) \($0.path)" })
        #expect(served.subtracting(documented).isEmpty, "served but undocumented")
        #expect(documented.subtracting(served).isEmpty, "documented but not served")
    }

    @Test func frontendSettingsSayApiKeysOnceAKeyIsStored() async throws {
        let (application, layer, responder, _) = try await make()
        defer { Task { await application.shutdown() } }
        func apiKeys() async throws -> Bool? {
            let body = try await responder.respond(to: Request(method: .get, path: "/frontend/settings")).body
            return (try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])?["apiKeys"] as? Bool
        }
        #expect(try await apiKeys() == false)
        _ = try await layer.access.store?.add(name: "weblate")
        try await Task.sleep(for: .milliseconds(1_100))  // the store's key counts are read at most once a second
        #expect(try await apiKeys() == true)
    }

    @Test func keysRequiredRefusesWithLibreTranslatesShapeAndAcceptsAConfiguredKey() async throws {
        var access = AccessConfiguration()
        access.keysRequired = true
        access.keys = [.init(name: "weblate", key: "wk-1")]
        let (application, _, responder, _) = try await make(access)
        defer { Task { await application.shutdown() } }
        let refused = try await responder.respond(to: post("/translate", #"{"q":"Hello","source":"en","target":"es"}"#))
        #expect(refused.status == .forbidden && String(decoding: refused.body, as: UTF8.self).hasPrefix(#"{"error":"#))
        let accepted = try await responder.respond(
            to: post("/translate", #"{"q":"Hello","source":"en","target":"es","api_key":"wk-1"}"#))
        #expect(accepted.status == .ok)
        let deepL = try await responder.respond(to: post("/v2/translate", #"{"text":["Hi"],"target_lang":"ES"}"#,
                                                        headers: [.authorization: "DeepL-Auth-Key wrong"]))
        #expect(deepL.status == .forbidden && String(decoding: deepL.body, as: UTF8.self).hasPrefix(#"{"message":"#))
    }
}
