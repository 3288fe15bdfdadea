// JSONBytes against the encoder it stands in for: the same bytes as Response.json's JSONEncoder for strings
// (every control character, quotes, backslashes, slashes, non-ASCII), booleans, numbers, lists and nesting.
import Foundation
import HTTPServer
import Testing

@Suite struct JSONBytesTests {
    struct Sample: Encodable {
        var cached: [Bool]
        var empty: [String]
        var flag: Bool
        var text: String
        var texts: [String]
    }

    static let strings: [String] = [
        "", "plain", "quote \" backslash \\ slash / end", "tab\tnew\nline\rfeed\u{0C}back\u{08}",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F} del", "é ñ ü — “quotes”",
        "emoji 👩🏽‍💻 🇪🇸", "\u{2028}\u{2029}\u{FEFF}", "<b>&amp;</b>", "{\"json\": [1, 2]}",
    ]

    struct Numbers: Encodable {
        var double: Double
        var int: Int
    }

    @Test(arguments: [0, 3, -2.5, 2.900935221, 0.1, 1e-7, 0.0001, 123456789012.5, 1e21, 1e300, -0.0, 86_400])
    func numbersAreWrittenAsJSONEncoderWritesThem(number: Double) throws {
        let integer = Int(exactly: number.rounded()) ?? Int.max
        var writer = JSONBytes()
        writer.openObject()
        writer.key("double")
        writer.double(number)
        writer.key("int")
        writer.int(integer)
        writer.closeObject()
        let expected = try Response.json(Numbers(double: number, int: integer)).body
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test(arguments: strings) func writesWhatJSONEncoderWrites(text: String) throws {
        let sample = Sample(cached: [true, false], empty: [], flag: text.isEmpty, text: text, texts: [text, "x", text])
        var writer = JSONBytes()
        writer.openObject()
        writer.key("cached")
        writer.list(sample.cached) { $0.bool($1) }
        writer.key("empty")
        writer.openArray()
        writer.closeArray()
        writer.key("flag")
        writer.bool(sample.flag)
        writer.key("text")
        writer.string(sample.text)
        writer.key("texts")
        writer.list(sample.texts) { $0.string($1) }
        writer.closeObject()
        let expected = try Response.json(sample).body
        #expect(writer.bytes == expected, "\(String(decoding: writer.bytes, as: UTF8.self))")
    }
}
