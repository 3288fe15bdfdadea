// Every endpoint and error code against a live server on loopback, with real Apertium behind the service.
import Foundation
import Testing
import TestSupport
@testable import Dragoman

@Suite(.serialized) struct APIEndToEndTests {
    @Test func translatesOneTextThenAnswersItFromTheCache() async throws {
        let app = try await DragomanTestServer.start()
        let client = HTTPTestClient(baseURL: app.baseURL)
        let first = try await client.post("/api/translate", ["text": "The house is red.", "source": "en", "target": "es"])
        #expect(first.status == 200)
        #expect(first.object["translation"] as? String == "La casa es roja.")
        #expect(first.object["cached"] as? Bool == false)
        #expect(first.object["engine"] as? String == "apertium")
        #expect(first.object["source"] as? String == "en")
        let second = try await client.post("/api/translate", ["text": "The house is red.", "source": "en", "target": "es"])
        #expect(second.object["cached"] as? Bool == true)
        await app.stop()
    }

    @Test func aListIsAnsweredInOrderWithCachedFlagsPerItem() async throws {
        let app = try await DragomanTestServer.start()
        let client = HTTPTestClient(baseURL: app.baseURL)
        _ = try await client.post("/api/translate", ["text": "The dog.", "source": "en", "target": "es"])
        let reply = try await client.post(
            "/api/translate", ["text": ["The cat.", "The dog.", "The house."], "source": "en", "target": "es"])
        #expect(reply.status == 200)
        #expect(reply.object["translation"] as? [String] == ["El gato.", "El perro.", "La casa."])
        #expect(reply.object["cached"] as? [Bool] == [false, true, false])
        await app.stop()
    }

    @Test func autoDetectsEachItemOfAListAndTranslatesItFromItsOwnLanguage() async throws {
        let app = try await DragomanTestServer.start()
        let reply = try await HTTPTestClient(baseURL: app.baseURL).post(
            "/api/translate",
            ["text": ["The house is red and the garden is very big.", "La casa es roja y el jardín es muy grande."],
             "source": "auto", "target": "ca"])
        #expect(reply.status == 200)
        let detected = reply.object["detected"] as? [[String: Any]]
        #expect(detected?.map { $0["language"] as? String } == ["en", "es"])
        #expect((reply.object["translation"] as? [String])?.allSatisfy { !$0.isEmpty } == true)
        await app.stop()
    }

    @Test func aPairWithoutADirectModeGoesThroughAPivotAndSaysSo() async throws {
        let app = try await DragomanTestServer.start()
        let reply = try await HTTPTestClient(baseURL: app.baseURL).post(
            "/api/translate", ["text": "The house is red.", "source": "en", "target": "pt"])
        #expect(reply.status == 200)
        #expect(reply.object["route"] as? [String] == ["en", "es", "pt"])
        #expect((reply.object["translation"] as? String)?.isEmpty == false)
        await app.stop()
    }

    @Test(arguments: [
        ("{not json", "invalid_json", 400), ("[1, 2]", "invalid_json", 400),
        (#"{"source": "en", "target": "es"}"#, "missing_field", 400),
        (#"{"text": 5, "source": "en", "target": "es"}"#, "invalid_field", 400),
        (#"{"text": "hi", "source": "english!", "target": "es"}"#, "invalid_field", 400),
        (#"{"text": "  ", "source": "en", "target": "es"}"#, "empty_text", 400),
        (#"{"text": [], "source": "en", "target": "es"}"#, "empty_text", 400),
        (#"{"text": "hi", "source": "en", "target": "de"}"#, "unsupported_language_pair", 422),
        (#"{"text": "hi", "source": "en", "target": "es", "engine": "nope"}"#, "unknown_engine", 400),
        (#"{"text": "\#(String(repeating: "a", count: 101))", "source": "en", "target": "es"}"#, "text_too_long", 413),
        (#"{"text": ["a","b","c","d","e","f"], "source": "en", "target": "es"}"#, "too_many_texts", 413),
    ])
    func badTranslateRequestsGetTheirCode(body: String, code: String, status: Int) async throws {
        let app = try await DragomanTestServer.start() {
            $0.limits.maxTextLength = 100
            $0.limits.maxTextsPerRequest = 5
        }
        let reply = try await HTTPTestClient(baseURL: app.baseURL).send("POST", "/api/translate", raw: body)
        #expect(reply.status == status)
        #expect(reply.errorCode == code)
        await app.stop()
    }

    @Test func routesTaskLookupsAndMethodsAnswerJSONErrors() async throws {
        let app = try await DragomanTestServer.start()
        let client = HTTPTestClient(baseURL: app.baseURL)
        let unknownTask = try await client.get("/api/task/does-not-exist")
        #expect((unknownTask.status, unknownTask.errorCode) == (404, "task_not_found"))
        let deleteUnknown = try await client.send("DELETE", "/api/task/does-not-exist")
        #expect((deleteUnknown.status, deleteUnknown.errorCode) == (404, "task_not_found"))
        let noRoute = try await client.get("/api/nothing")
        #expect((noRoute.status, noRoute.errorCode) == (404, "not_found"))
        let wrongMethod = try await client.get("/api/translate")
        #expect((wrongMethod.status, wrongMethod.errorCode) == (405, "method_not_allowed"))
        let badBatch = try await client.post("/api/batch", ["texts": "one", "source": "en", "target": "es"])
        #expect((badBatch.status, badBatch.errorCode) == (400, "invalid_field"))
        await app.stop()
    }

    @Test func healthLanguagesDetectAndCacheEndpoints() async throws {
        let app = try await DragomanTestServer.start() { $0.adminKey = "secret" }
        let client = HTTPTestClient(baseURL: app.baseURL)
        let health = try await client.get("/health")
        #expect(health.status == 200)
        #expect(health.object["status"] as? String == "ok")
        #expect(health.object["version"] as? String == DragomanVersion.current)
        let queue = (health.object["components"] as? [String: Any])?["queue"] as? [String: Any]
        #expect(queue?["workers"] as? Int == 2)
        let languages = try await client.get("/api/languages")
        let pairs = (languages.object["engines"] as? [String: Any])?["apertium"] as? [[String: Any]] ?? []
        #expect(pairs.contains { $0["source"] as? String == "en" && $0["target"] as? String == "es" })
        let codes = languages.object["codes"] as? [[String: Any]] ?? []
        let english = codes.first { $0["code"] as? String == "en" }
        #expect(english?["apertium"] as? String == "eng" && english?["name"] as? String == "English")
        // APy clients name languages the Apertium way; the answer speaks ISO 639-1.
        let apertiumCodes = try await client.post("/api/translate", ["text": "The cat.", "source": "eng", "target": "spa"])
        #expect(apertiumCodes.status == 200)
        #expect((apertiumCodes.object["source"] as? String, apertiumCodes.object["target"] as? String) == ("en", "es"))
        let detect = try await client.post("/api/detect", ["text": "The house is red and the dog is big."])
        #expect(detect.status == 200)
        _ = try await client.post("/api/translate", ["text": "The cat.", "source": "en", "target": "es"])
        let stats = try await client.get("/api/cache/stats")
        #expect(stats.status == 200)
        #expect(stats.object["misses"] as? Int ?? 0 >= 1)
        let refused = try await client.send("DELETE", "/api/cache")
        #expect((refused.status, refused.errorCode) == (403, "admin_required"))
        let cleared = try await client.send("DELETE", "/api/cache?source=en&target=es", headers: ["X-Admin-Key": "secret"])
        #expect(cleared.status == 200)
        let again = try await client.post("/api/translate", ["text": "The cat.", "source": "en", "target": "es"])
        #expect(again.object["cached"] as? Bool == false)
        await app.stop()
    }
}
