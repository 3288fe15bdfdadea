// A CSV or TSV batch file: a header row naming the columns, then records. Output keeps every input column,
// in order, and adds (or refills) the translation column; line endings follow the input's.
struct DelimitedTable: Equatable {
    var format: TableFormat
    var header: [String]
    var records: [CSVRecord]
    var lineEnding: String

    static func read(path: String, format: TableFormat) throws(TableError) -> DelimitedTable {
        var parser = CSVParser(delimiter: format.delimiter)
        var records: [CSVRecord] = []
        var first = true
        try InputFile.chunks(of: path) { (chunk) throws(TableError) in
            // A UTF-8 byte order mark, which spreadsheet programs write, is not part of the first column's name.
            let bytes = first && chunk.starts(with: [0xEF, 0xBB, 0xBF]) ? chunk.dropFirst(3) : chunk[...]
            first = false
            try parser.feed(bytes) { (record) throws(TableError) in records.append(record) }
        }
        try parser.finish { (record) throws(TableError) in records.append(record) }
        return try DelimitedTable(format: format, records: records, lineEnding: parser.lineEnding ?? "\n")
    }

    init(format: TableFormat, header: [String], records: [CSVRecord], lineEnding: String) {
        self.format = format
        self.header = header
        self.records = records
        self.lineEnding = lineEnding
    }

    private init(format: TableFormat, records: [CSVRecord], lineEnding: String) throws(TableError) {
        guard let header = records.first else { throw .malformed(line: 1, "the file is empty; a header row is expected") }
        for record in records.dropFirst() where record.fields.count != header.fields.count {
            throw .malformed(line: record.line, "\(record.fields.count) fields, but the header has \(header.fields.count)")
        }
        self.init(format: format, header: header.fields, records: Array(records.dropFirst()), lineEnding: lineEnding)
    }

    func columnIndex(_ name: String) throws(TableError) -> Int {
        guard let index = header.firstIndex(of: name) else { throw .missingColumn(name, available: header) }
        return index
    }

    func texts(column: Int) -> [String] { records.map { $0.fields[column] } }

    /// The table with `values` (one per record) in column `name`, appended unless the column exists already.
    func rendered(column name: String, values: [String]) -> [UInt8] {
        precondition(values.count == records.count, "one value per record")
        let existing = header.firstIndex(of: name)
        var output: [UInt8] = []
        output.reserveCapacity(records.count * 128)
        CSVWriter.append(existing == nil ? header + [name] : header, delimiter: format.delimiter, lineEnding: lineEnding, to: &output)
        for (record, value) in zip(records, values) {
            var fields = record.fields
            if let existing { fields[existing] = value } else { fields.append(value) }
            CSVWriter.append(fields, delimiter: format.delimiter, lineEnding: lineEnding, to: &output)
        }
        return output
    }
}
