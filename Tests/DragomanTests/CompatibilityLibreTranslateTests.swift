// LibreTranslate's documented requests and responses (its README's examples), answered with real Apertium
// translations en→es, through the same handlers and error middleware the server uses.
import Foundation
import HTTPServer
import HTTPTypes
import Testing

@testable import Dragoman

@Suite struct CompatibilityLibreTranslateTests {
    let api = LibreTranslateAPI(backend: ApertiumCommandBackend(), settings: LibreTranslateSettings())

    func call(_ handler: @escaping @Sendable (Request) async throws -> Response, _ request: Request) async throws
        -> (Int, Any)
    {
        let responder = ClosureResponder(handler)
        let response = try await CompatibilityErrorMiddleware().respond(to: request, next: responder)
        return (Int(response.status.code), try JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed]))
    }

    func json(_ body: String, path: String = "/translate") -> Request {
        Request(method: .post, path: path, headers: [.contentType: "application/json"], body: Array(body.utf8))
    }

    @Test func simpleExampleFromTheReadme() async throws {
        let (status, body) = try await call(api.translate, json(#"{"q": "Hello!", "source": "en", "target": "es"}"#))
        #expect(status == 200)
        #expect(body as? [String: String] == ["translatedText": "Hola!"])
    }

    @Test func formBodyAsTheWebFrontendSendsIt() async throws {
        let request = Request(
            method: .post, path: "/translate", headers: [.contentType: "application/x-www-form-urlencoded"],
            body: Array("q=Hello+world&source=en&target=es&format=text".utf8))
        let (status, body) = try await call(api.translate, request)
        #expect(status == 200 && (body as? [String: Any])?["translatedText"] as? String == "Hola Mundo")
    }

    @Test func autoDetectionReportsLanguageAndConfidence() async throws {
        let (status, body) = try await call(api.translate, json(#"{"q": "Hello world", "source": "auto", "target": "es"}"#))
        let object = try #require(body as? [String: Any])
        #expect(status == 200 && object["translatedText"] as? String == "Hola Mundo")
        let detected = try #require(object["detectedLanguage"] as? [String: Any])
        #expect(detected["language"] as? String == "en")
        #expect((detected["confidence"] as? Double).map { (0...100).contains($0) } == true)
    }

    @Test func arrayWithAutoDetectsEachItemSeparately() async throws {
        let request = json(#"{"q": ["Hello world", "Hola mundo"], "source": "auto", "target": "es"}"#)
        let (status, body) = try await call(api.translate, request)
        let object = try #require(body as? [String: Any])
        #expect(status == 200)
        // The Spanish item is already in the target language and comes back as it was.
        #expect(object["translatedText"] as? [String] == ["Hola Mundo", "Hola mundo"])
        let detected = try #require(object["detectedLanguage"] as? [[String: Any]])
        #expect(detected.map { $0["language"] as? String } == ["en", "es"])
    }

    @Test func htmlExampleKeepsTheTag() async throws {
        let request = json(#"{"q": "<p class=\"green\">Hello!</p>", "source": "en", "target": "es", "format": "html"}"#)
        let (_, body) = try await call(api.translate, request)
        #expect((body as? [String: Any])?["translatedText"] as? String == "<p class=\"green\">Hola!</p>")
    }

    @Test func alternativesAreAcceptedAndEmpty() async throws {
        let request = json(#"{"q": "Hello", "source": "en", "target": "es", "alternatives": 3}"#)
        let (_, body) = try await call(api.translate, request)
        #expect((body as? [String: Any])?["alternatives"] as? [String] == [])
    }

    @Test(arguments: [
        (#"{"source": "en", "target": "es"}"#, "Invalid request: missing q parameter"),
        (#"{"q": "Hi", "target": "es"}"#, "Invalid request: missing source parameter"),
        (#"{"q": "Hi", "source": "en", "target": "xx"}"#, "xx is not supported"),
        (#"{"q": "#, "Invalid request: the request body is not valid JSON"),
    ])
    func errorsHaveLibreTranslatesShape(body: String, message: String) async throws {
        let (status, response) = try await call(api.translate, json(body))
        #expect(status == 400)
        let error = try #require((response as? [String: String])?["error"])
        #expect(error.hasPrefix(message))
    }

    @Test func detectAnswersAListOfGuesses() async throws {
        let (status, body) = try await call(api.detect, json(#"{"q": "Buenos días, amigo"}"#, path: "/detect"))
        let guesses = try #require(body as? [[String: Any]])
        #expect(status == 200 && guesses.first?["language"] as? String == "es")
    }

    @Test func languagesListCodesNamesAndTargets() async throws {
        let (_, body) = try await call(api.languages, Request(method: .get, path: "/languages"))
        let languages = try #require(body as? [[String: Any]])
        let english = try #require(languages.first { $0["code"] as? String == "en" })
        #expect(english["name"] as? String == "English")
        #expect(english["targets"] as? [String] == ["en", "es"])
    }

    @Test func frontendSettingsHaveTheFieldsClientsRead() async throws {
        let (_, body) = try await call(api.frontendSettings, Request(method: .get, path: "/frontend/settings"))
        let settings = try #require(body as? [String: Any])
        #expect(settings["charLimit"] as? Int == 5_000)
        #expect(settings["keyRequired"] as? Bool == false && settings["apiKeys"] as? Bool == false)
        let language = try #require(settings["language"] as? [String: [String: String]])
        #expect(language["source"]?["code"] == "auto")
    }
}
