// A batch input file of any supported format, reduced to what a batch needs: the texts to translate, in order,
// with the line each came from, and the same file rendered back with one translation per text added.
enum BatchDocument {
    case delimited(DelimitedTable, column: Int, name: String)
    case jsonl(JSONLTable)

    /// `column` names the CSV/TSV column or the JSONL field that holds the text.
    static func read(path: String, format: TableFormat, column: String) throws(TableError) -> BatchDocument {
        switch format {
        case .csv, .tsv:
            let table = try DelimitedTable.read(path: path, format: format)
            return .delimited(table, column: try table.columnIndex(column), name: column)
        case .jsonl:
            return .jsonl(try JSONLTable.read(path: path, field: column))
        }
    }

    var texts: [String] {
        switch self {
        case .delimited(let table, let column, _): table.texts(column: column)
        case .jsonl(let table): table.texts
        }
    }

    /// The input line each text starts on, for messages about failed items.
    var lines: [Int] {
        switch self {
        case .delimited(let table, _, _): table.records.map(\.line)
        case .jsonl(let table): table.lines.map(\.number)
        }
    }

    /// The name of the added column or field: `translated_<column>`.
    var outputName: String {
        switch self {
        case .delimited(_, _, let name): "translated_" + name
        case .jsonl(let table): "translated_" + table.field
        }
    }

    func rendered(translations: [String]) -> [UInt8] {
        switch self {
        case .delimited(let table, _, _): table.rendered(column: outputName, values: translations)
        case .jsonl(let table): table.rendered(field: outputName, values: translations)
        }
    }
}
