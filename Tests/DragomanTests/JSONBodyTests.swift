// Language fields of a request body: ISO or Apertium codes in any case, "auto" only where allowed, and a stable
// invalid_field for anything else.
import Testing

@testable import Dragoman

@Suite struct JSONBodyTests {
    func language(_ value: String, allowAuto: Bool = true) throws(ServiceError) -> String {
        let body = try JSONBody(Array(#"{"source": "\#(value)"}"#.utf8))
        return try body.language("source", allowAuto: allowAuto)
    }

    @Test(arguments: [("en", "en"), ("EN", "en"), ("Es", "es"), ("eng", "en"), ("SPA", "es"), ("auto", "auto"),
                      ("AUTO", "auto"), ("xx", "xx")])
    func acceptsCodesInAnyCase(given: String, expected: String) throws {
        #expect(try language(given) == expected)
    }

    @Test(arguments: ["", "e", "english", "e1", "é", "én", "en-", "au to"])
    func rejectsWhatIsNotACode(given: String) {
        #expect(throws: ServiceError.self) { try language(given) }
        do { _ = try language(given) } catch { #expect(error.code == "invalid_field") }
    }

    @Test func autoOnlyWhereAllowed() {
        #expect(throws: ServiceError.self) { try language("auto", allowAuto: false) }
    }
}
