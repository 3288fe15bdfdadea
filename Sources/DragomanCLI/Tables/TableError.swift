// What can be wrong with a batch input file. Every case names the line, so a user can open the file and look.
enum TableError: Error, Equatable, CustomStringConvertible {
    case malformed(line: Int, String)
    case missingColumn(String, available: [String])
    case missingField(line: Int, String)
    case unreadable(path: String, String)

    var description: String {
        switch self {
        case .malformed(let line, let reason): "line \(line): \(reason)"
        case .missingColumn(let column, let available):
            "line 1: no column \"\(column)\" in the header (columns: \(available.joined(separator: ", ")))"
        case .missingField(let line, let reason): "line \(line): \(reason)"
        case .unreadable(let path, let reason): "\(path): \(reason)"
        }
    }
}
