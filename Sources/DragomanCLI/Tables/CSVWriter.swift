// RFC 4180 output: a field is quoted when it holds the delimiter, a quote, CR or LF (quotes doubled, §2.6–2.7).
// A row that is one empty field is written as "" so that it does not turn into a blank line, which readers skip.
enum CSVWriter {
    static func append(_ row: [String], delimiter: UInt8, lineEnding: String, to output: inout [UInt8]) {
        if row.count == 1 && row[0].isEmpty {
            output += [.quote, .quote]
        } else {
            for (index, field) in row.enumerated() {
                if index > 0 { output.append(delimiter) }
                append(field, delimiter: delimiter, to: &output)
            }
        }
        output += lineEnding.utf8
    }

    private static func append(_ field: String, delimiter: UInt8, to output: inout [UInt8]) {
        let bytes = field.utf8
        guard bytes.contains(where: { $0 == delimiter || $0 == .quote || $0 == .cr || $0 == .lf }) else {
            output += bytes
            return
        }
        output.append(.quote)
        for byte in bytes {
            output.append(byte)
            if byte == .quote { output.append(.quote) }
        }
        output.append(.quote)
    }
}
