// The resume file of a batch: which server tasks hold which rows. It is written beside the output as soon as a
// task is accepted, so an interrupted batch (Ctrl-C, a lost terminal, a crash) is picked up by running the same
// command again instead of translating everything twice; it is removed once the output is written.
import Foundation

struct BatchPlan: Codable, Equatable {
    struct Chunk: Codable, Equatable {
        var taskID: String
        /// Position of the chunk's first text among the submitted (non-empty) texts.
        var start: Int
        var count: Int
    }

    var location: String
    var source: String
    var target: String
    var engine: String?
    var column: String
    var fingerprint: String
    var chunks: [Chunk] = []

    var submitted: Int { chunks.last.map { $0.start + $0.count } ?? 0 }

    /// A plan is reused only for the same input texts, sent the same way to the same place.
    func matches(_ other: BatchPlan) -> Bool {
        (location, source, target, engine, column, fingerprint)
            == (other.location, other.source, other.target, other.engine, other.column, other.fingerprint)
    }

    static func path(forOutput output: String) -> String {
        let url = URL(fileURLWithPath: output)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).dragoman-batch.json").path
    }

    static func load(_ path: String) -> BatchPlan? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(BatchPlan.self, from: data)
    }

    func save(_ path: String) throws(CLIFailure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { try AtomicFile.write([UInt8](try encoder.encode(self)), to: path) } catch {
            throw .local("cannot save the resume file: \(error)")
        }
    }

    /// FNV-1a (64-bit) over the texts: enough to notice that the input changed, not a security digest.
    static func fingerprint(_ texts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for text in texts {
            for byte in text.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16) + "-\(texts.count)"
    }
}
