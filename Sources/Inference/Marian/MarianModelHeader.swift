// What the engine needs to list a model file without mapping its weights: the language pair and the facts that
// identify its version (file name, size, modification time), so a replaced file never serves stale cache entries.
import Foundation

public struct MarianModelHeader: Sendable, Equatable {
    public let path: String
    public let sourceLanguage: String
    public let targetLanguage: String
    /// "file.gguf@<bytes>-<mtime seconds>".
    public let version: String

    public init(path: String) throws(ModelLoadError) {
        let contents = try GGUFReader.read(path: path)
        let architecture = try contents.metadata.string(GGUFKey.architecture)
        guard architecture == "marian" else { throw .wrongArchitecture(path: path, found: architecture) }
        self.path = path
        sourceLanguage = try contents.metadata.string(GGUFKey.sourceLanguage)
        targetLanguage = try contents.metadata.string(GGUFKey.targetLanguage)
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = Int((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
        version = "\((path as NSString).lastPathComponent)@\(size)-\(modified)"
    }
}
