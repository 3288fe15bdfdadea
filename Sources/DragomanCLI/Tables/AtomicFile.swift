// Output files appear whole or not at all: bytes go to a hidden temporary file beside the target (same file
// system, so rename(2) is atomic), which is renamed over the target only once everything is written.
import Foundation

enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(path: path, reason: "cannot rename into place: \(reason)")
        }
    }
}
