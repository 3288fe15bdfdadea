// Reads an input file in 1 MiB chunks, so a parser sees bytes as they come and no whole-file String is built.
import Foundation

enum InputFile {
    static func chunks(of path: String, _ body: (Data) throws(TableError) -> Void) throws(TableError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, "no such file")
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, isDirectory.boolValue ? "is a folder, not a file" : "cannot be opened")
        }
        defer { try? handle.close() }
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw .unreadable(path: path, "read failed: \(error.localizedDescription)")
            }
            if chunk.isEmpty { return }
            try body(chunk)
        }
    }
}
