// Finds the Marian models in a directory: every `*.gguf` whose metadata says architecture "marian". When two
// files serve the same pair, the first by file name wins and the other is logged, so the choice is stable.
import Foundation
import Inference
import Logging

enum MarianModelDirectory {
    static func scan(_ directory: String, logger: Logger) -> [LanguagePair: MarianModelHeader] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".gguf") }.sorted()
        var headers: [LanguagePair: MarianModelHeader] = [:]
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                let header = try MarianModelHeader(path: path)
                let pair = LanguagePair(source: header.sourceLanguage, target: header.targetLanguage)
                if let kept = headers[pair] {
                    logger.warning("two models for one pair; keeping the first", metadata: ["kept": "\(kept.path)", "skipped": "\(path)"])
                } else {
                    headers[pair] = header
                }
            } catch {
                logger.warning("skipping model file", metadata: ["path": "\(path)", "error": "\(error)"])
            }
        }
        return headers
    }
}
