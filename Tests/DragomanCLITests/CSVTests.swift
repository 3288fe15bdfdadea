// The CSV/TSV reader and writer: nasty fields round-trip through 10,000 rows, Python's csv module agrees with
// both directions (the oracle), and every malformed input is refused with the line it is on.
import Foundation
import Testing
import TestSupport
@testable import DragomanCLI

@Suite struct CSVTests {
    let folder = TemporaryDirectory("csv")

    static let nasty = [
        "plain", "", "with, comma", "with \"quotes\"", "\"", "line\nbreak", "crlf\r\nbreak", "  spaces  ",
        "café ñandú", "日本語のテキスト", "emoji 👩‍👩‍👧 🇪🇸", "e\u{301}", "tab\there", "trailing comma,", "\"\"\"",
    ]

    static func rows(_ count: Int) -> [[String]] {
        (0..<count).map { index in
            [String(index), nasty[index % nasty.count], nasty[(index * 7 + 3) % nasty.count] + " \(index)", ""]
        }
    }

    func write(_ text: String, _ name: String = "in.csv") throws -> String {
        let path = folder.file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [TableFormat.csv, .tsv])
    func tenThousandNastyRowsRoundTrip(format: TableFormat) throws {
        let header = ["id", "text", "other", "empty"]
        let rows = Self.rows(10_000)
        var bytes: [UInt8] = []
        for row in [header] + rows { CSVWriter.append(row, delimiter: format.delimiter, lineEnding: "\r\n", to: &bytes) }
        let path = folder.file("round.\(format.rawValue)")
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let table = try DelimitedTable.read(path: path, format: format)
        #expect(table.header == header)
        #expect(table.records.map(\.fields) == rows)
        #expect(table.lineEnding == "\r\n")
        let rendered = table.rendered(column: "translated_text", values: rows.map { $0[1].uppercased() })
        try Data(rendered).write(to: URL(fileURLWithPath: path))
        let again = try DelimitedTable.read(path: path, format: format)
        #expect(again.header == header + ["translated_text"])
        #expect(again.records.map(\.fields) == rows.map { $0 + [$0[1].uppercased()] })
    }

    @Test func pythonCSVModuleReadsWhatWeWrite() throws {
        let rows = [["id", "text"]] + Self.rows(200).map { [$0[0], $0[1]] }
        var bytes: [UInt8] = []
        for row in rows { CSVWriter.append(row, delimiter: .comma, lineEnding: "\n", to: &bytes) }
        let path = folder.file("ours.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let script = "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
        let output = try Subprocess.run("/usr/bin/python3", ["-c", script, path])
        #expect(try JSONDecoder().decode([[String]].self, from: Data(output.utf8)) == rows)
    }

    @Test func weReadWhatPythonCSVModuleWrites() throws {
        let rows = [["id", "text", "note"]] + Self.rows(200).map { [$0[0], $0[1], $0[2]] }
        let input = folder.file("rows.json")
        try JSONEncoder().encode(rows).write(to: URL(fileURLWithPath: input))
        let path = folder.file("python.csv")
        let script = """
            import csv,json,sys
            rows = json.load(open(sys.argv[1], encoding='utf-8'))
            with open(sys.argv[2], 'w', newline='', encoding='utf-8') as f: csv.writer(f, quoting=csv.QUOTE_MINIMAL).writerows(rows)
            """
        _ = try Subprocess.run("/usr/bin/python3", ["-c", script, input, path])
        let table = try DelimitedTable.read(path: path, format: .csv)
        #expect([table.header] + table.records.map(\.fields) == rows)
    }

    @Test func recordsKnowTheLineTheyStartOn() throws {
        let path = try write("id,text\n1,\"two\nlines\"\n\n2,after blank\r\n3,\"x\"\n")
        let table = try DelimitedTable.read(path: path, format: .csv)
        #expect(table.records == [
            CSVRecord(line: 2, fields: ["1", "two\nlines"]), CSVRecord(line: 5, fields: ["2", "after blank"]),
            CSVRecord(line: 6, fields: ["3", "x"]),
        ])
    }

    @Test func byteOrderMarkIsNotPartOfTheHeader() throws {
        let path = try write("\u{FEFF}text\nhello\n")
        #expect(try DelimitedTable.read(path: path, format: .csv).header == ["text"])
    }

    @Test func emptyQuotedFieldIsARecordButABlankLineIsNot() throws {
        let path = try write("text\n\"\"\n\nlast")
        #expect(try DelimitedTable.read(path: path, format: .csv).records.map(\.fields) == [[""], ["last"]])
    }

    @Test(arguments: [
        ("id,text\n1,\"never closed\n2,x\n", TableError.malformed(line: 2, "a quoted field opened here is never closed")),
        ("id,text\n1,ok\n2,\"bad\"x\n", .malformed(line: 3, "unexpected text after a closing quote (a quote inside a quoted field must be doubled)")),
        ("id,text\n1,ok\n2,too,many\n", .malformed(line: 3, "3 fields, but the header has 2")),
        ("", .malformed(line: 1, "the file is empty; a header row is expected")),
        ("id,body\n1,x\n", .missingColumn("text", available: ["id", "body"])),
    ])
    func malformedInputNamesTheLine(input: String, expected: TableError) throws {
        let path = try write(input)
        #expect(throws: expected) { try BatchDocument.read(path: path, format: .csv, column: "text") }
    }

    @Test func invalidUTF8IsRefusedWithItsLine() throws {
        let path = folder.file("latin1.csv")
        try Data([0x74, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect(throws: TableError.malformed(line: 2, "the text is not valid UTF-8")) {
            try DelimitedTable.read(path: path, format: .csv)
        }
    }

    @Test func missingFileIsAnInputError() {
        #expect(throws: TableError.unreadable(path: folder.file("none.csv"), "no such file")) {
            try DelimitedTable.read(path: folder.file("none.csv"), format: .csv)
        }
    }

    @Test func existingTranslationColumnIsRefilledNotDuplicated() throws {
        let path = try write("text,translated_text\nhi,old\n")
        let document = try BatchDocument.read(path: path, format: .csv, column: "text")
        #expect(String(decoding: document.rendered(translations: ["hola"]), as: UTF8.self) == "text,translated_text\nhi,hola\n")
    }
}
