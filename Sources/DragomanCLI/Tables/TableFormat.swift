// The batch file formats, chosen from the file name unless `--format` says otherwise.
import ArgumentParser

enum TableFormat: String, CaseIterable, ExpressibleByArgument {
    case csv, tsv, jsonl

    /// `.csv` → CSV, `.tsv`/`.tab` → TSV, `.jsonl`/`.ndjson` → JSONL; anything else is read as CSV.
    init(path: String) {
        switch path.split(separator: ".").last?.lowercased() {
        case "tsv", "tab": self = .tsv
        case "jsonl", "ndjson": self = .jsonl
        default: self = .csv
        }
    }

    var delimiter: UInt8 { self == .tsv ? .tab : .comma }
}
