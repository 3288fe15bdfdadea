// A JSON Lines batch file: one JSON object per line, the text in one string field. Output is each input line as
// it was, byte for byte, with the translation field added at the end of the object; only when that field exists
// already is the object re-encoded (with sorted keys), since Foundation's JSON objects do not keep key order.
import Foundation

struct JSONLTable {
    struct Line: Equatable {
        var number: Int
        var raw: String
        var text: String
    }

    var lines: [Line]
    var field: String

    static func read(path: String, field: String) throws(TableError) -> JSONLTable {
        var bytes: [UInt8] = []
        try InputFile.chunks(of: path) { (chunk) throws(TableError) in bytes += chunk }
        var lines: [Line] = []
        for (index, slice) in bytes.split(separator: .lf, omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            guard let raw = String(validating: slice, as: UTF8.self) else {
                throw .malformed(line: number, "the text is not valid UTF-8")
            }
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            lines.append(Line(number: number, raw: trimmed, text: try text(of: trimmed, field: field, line: number)))
        }
        return JSONLTable(lines: lines, field: field)
    }

    private static func text(of raw: String, field: String, line: Int) throws(TableError) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any] else {
            throw .malformed(line: line, "not a JSON object")
        }
        guard let value = object[field] else {
            let fields = object.keys.sorted().joined(separator: ", ")
            throw .missingField(line: line, "no \"\(field)\" field (fields: \(fields))")
        }
        guard let text = value as? String else { throw .missingField(line: line, "\"\(field)\" is not a string") }
        return text
    }

    var texts: [String] { lines.map(\.text) }

    func rendered(field output: String, values: [String]) -> [UInt8] {
        precondition(values.count == lines.count, "one value per line")
        var result: [UInt8] = []
        for (line, value) in zip(lines, values) {
            result += Self.adding(output, value, to: line.raw).utf8
            result.append(.lf)
        }
        return result
    }

    private static func adding(_ name: String, _ value: String, to raw: String) -> String {
        let object = try! JSONSerialization.jsonObject(with: Data(raw.utf8)) as! [String: Any]  // parsed in read
        if object[name] != nil {
            var replaced = object
            replaced[name] = value
            let data = try! JSONSerialization.data(withJSONObject: replaced, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
        let member = jsonString(name) + ":" + jsonString(value)
        let body = raw.dropLast()  // the closing brace
        let isEmpty = body.dropFirst().allSatisfy(\.isWhitespace)
        return body + (isEmpty ? "" : ",") + member + "}"
    }

    static func jsonString(_ string: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [string], options: [.withoutEscapingSlashes])
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)  // strip the array's brackets
    }
}
