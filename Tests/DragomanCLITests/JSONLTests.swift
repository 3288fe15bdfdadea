// JSON Lines input: the text field is read per line, output keeps each line's bytes and adds one field.
import Foundation
import Testing
import TestSupport
@testable import DragomanCLI

@Suite struct JSONLTests {
    let folder = TemporaryDirectory("jsonl")

    func write(_ text: String) throws -> String {
        let path = folder.file("in.jsonl")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func outputKeepsEachLineAndAddsTheField() throws {
        let input = """
            {"id": 2, "text": "Hello \\"world\\"", "meta": {"z": 1, "a": [1, 2]}}

            {"text":"line\\nbreak 👋","id":1}
            {"text": ""}
            """
        let document = try BatchDocument.read(path: try write(input), format: .jsonl, column: "text")
        #expect(document.texts == ["Hello \"world\"", "line\nbreak 👋", ""])
        #expect(document.lines == [1, 3, 4])
        let output = String(decoding: document.rendered(translations: ["Hola \"mundo\"", "a/b\nc", ""]), as: UTF8.self)
        #expect(output == """
            {"id": 2, "text": "Hello \\"world\\"", "meta": {"z": 1, "a": [1, 2]},"translated_text":"Hola \\"mundo\\""}
            {"text":"line\\nbreak 👋","id":1,"translated_text":"a/b\\nc"}
            {"text": "","translated_text":""}

            """)
    }

    @Test func existingOutputFieldIsReplaced() throws {
        let document = try BatchDocument.read(path: try write(#"{"text":"hi","translated_text":"old"}"#), format: .jsonl, column: "text")
        #expect(String(decoding: document.rendered(translations: ["hola"]), as: UTF8.self) == "{\"text\":\"hi\",\"translated_text\":\"hola\"}\n")
    }

    @Test(arguments: [
        ("{\"text\":\"a\"}\n{\"body\":\"b\"}\n", TableError.missingField(line: 2, "no \"text\" field (fields: body)")),
        ("{\"text\":\"a\"}\n[1,2]\n", .malformed(line: 2, "not a JSON object")),
        ("{\"text\":\"a\"}\n\n{\"text\": 3}\n", .missingField(line: 3, "\"text\" is not a string")),
        ("{\"text\":\"a\"\n", .malformed(line: 1, "not a JSON object")),
    ])
    func badLinesAreNamed(input: String, expected: TableError) throws {
        let path = try write(input)
        #expect(throws: expected) { try BatchDocument.read(path: path, format: .jsonl, column: "text") }
    }
}
