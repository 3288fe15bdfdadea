// An RFC 4180 parser fed bytes in chunks: quoted fields with embedded delimiters, CR/LF and doubled quotes, CRLF
// or LF record ends, and the physical line each record starts on, so every error names a line. We write it
// ourselves: SwiftCSV 0.10.0 parses one in-memory String and has no writer; yaslab/CSV.swift 2.5.2 streams and
// writes, but accepts an unterminated quote or stray text after a closing quote silently and reports no lines.
// Delimiter, quote, CR and LF are ASCII, which never occur inside a UTF-8 multi-byte sequence, so bytes suffice.
struct CSVRecord: Equatable {
    var line: Int
    var fields: [String]
}

struct CSVParser {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    let delimiter: UInt8
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [[UInt8]] = []
    private var recordQuoted = false
    private var line = 1
    private var recordLine = 1
    private var afterCR = false
    /// The first record terminator seen, so the writer can answer in kind.
    private(set) var lineEnding: String?

    init(delimiter: UInt8) { self.delimiter = delimiter }

    mutating func feed(_ bytes: some Sequence<UInt8>, emit: (CSVRecord) throws(TableError) -> Void) throws(TableError) {
        for byte in bytes { try consume(byte, emit: emit) }
    }

    mutating func finish(emit: (CSVRecord) throws(TableError) -> Void) throws(TableError) {
        switch state {
        case .quoted: throw .malformed(line: recordLine, "a quoted field opened here is never closed")
        case .unquoted, .quoteInQuoted: try endRecord(emit: emit)
        case .fieldStart: if !fields.isEmpty { try endRecord(emit: emit) }
        }
    }

    private mutating func consume(_ byte: UInt8, emit: (CSVRecord) throws(TableError) -> Void) throws(TableError) {
        if afterCR {
            afterCR = false
            if byte == .lf { lineEnding = lineEnding ?? "\r\n"; return }  // the LF of a CRLF pair
        }
        switch state {
        case .fieldStart where byte == .quote:
            state = .quoted
            recordQuoted = true
        case .fieldStart, .unquoted: try plain(byte, emit: emit)
        case .quoted:
            if byte == .quote { state = .quoteInQuoted } else { field.append(byte); countLine(byte) }
        case .quoteInQuoted:
            if byte == .quote {  // RFC 4180 §2.7: a doubled quote is one quote
                field.append(byte)
                state = .quoted
            } else if byte == delimiter || byte == .cr || byte == .lf {
                try plain(byte, emit: emit)
            } else {
                throw .malformed(line: line, "unexpected text after a closing quote (a quote inside a quoted field must be doubled)")
            }
        }
    }

    private mutating func plain(_ byte: UInt8, emit: (CSVRecord) throws(TableError) -> Void) throws(TableError) {
        switch byte {
        case delimiter:
            fields.append(field)
            field.removeAll(keepingCapacity: true)
            state = .fieldStart
        case .lf:
            lineEnding = lineEnding ?? "\n"
            try endRecord(emit: emit)
            line += 1
        case .cr:
            try endRecord(emit: emit)
            line += 1
            afterCR = true
        default:
            field.append(byte)
            state = .unquoted
        }
    }

    private mutating func countLine(_ byte: UInt8) {
        if byte == .lf { line += 1 }
    }

    private mutating func endRecord(emit: (CSVRecord) throws(TableError) -> Void) throws(TableError) {
        fields.append(field)
        field.removeAll(keepingCapacity: true)
        defer {
            fields.removeAll(keepingCapacity: true)
            state = .fieldStart
            recordQuoted = false
            recordLine = line + 1
        }
        // A blank line is no record (as in Python's csv module); an empty quoted field ("") is one.
        if fields.count == 1 && fields[0].isEmpty && !recordQuoted { return }
        var strings: [String] = []
        for bytes in fields {
            guard let string = String(validating: bytes, as: UTF8.self) else {
                throw .malformed(line: recordLine, "the text is not valid UTF-8")
            }
            strings.append(string)
        }
        try emit(CSVRecord(line: recordLine, fields: strings))
    }
}

extension UInt8 {
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let tab = UInt8(ascii: "\t")
}
