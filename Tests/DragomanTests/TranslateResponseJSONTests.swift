// The hand-written /api/translate body against JSONEncoder's, for a single text and a list, and its refusal of
// the shapes it leaves to JSONEncoder (detection, pivot routes).
@testable import Dragoman
import HTTPServer
import Testing

@Suite struct TranslateResponseJSONTests {
    static let responses: [TranslateResponse] = [
        TranslateResponse(
            translation: .one("Hola \"mundo\"\n/ é 👋"), source: "en", target: "es", engine: "apertium",
            cached: .one(true), detected: nil, route: nil),
        TranslateResponse(
            translation: .many(["uno", "", "tres\t3"]), source: "en", target: "ca", engine: "marian",
            cached: .many([false, true, false]), detected: nil, route: nil),
    ]

    @Test(arguments: responses) func plainBodyIsJSONEncoders(response: TranslateResponse) throws {
        #expect(response.plainJSON() == (try Response.json(response).body))
    }

    @Test func detectionAndRoutesStayWithJSONEncoder() {
        var routed = Self.responses[0]
        routed.route = .one(["en", "es", "pt"])
        #expect(routed.plainJSON() == nil)
        var detected = Self.responses[0]
        detected.detected = .one(nil)
        #expect(detected.plainJSON() == nil)
    }
}
