// The apertium command as a TranslationEngine and a LanguageDetecting, so the ecosystem layer can be tested over
// a real Application (queue, cache, task store) before the persistent-pipeline engine is wired in.
import Engines

@testable import Dragoman

struct ApertiumCommandEngine: TranslationEngine {
    let backend = ApertiumCommandBackend()
    var name: String { "apertium" }
    func pairs() async -> [LanguagePair] { await backend.languagePairs() }
    func version(for pair: LanguagePair) async -> String { "apertium-command" }
    func health() async -> EngineHealth { EngineHealth(healthy: true) }

    func translate(_ texts: [String], pair: LanguagePair) async throws(EngineError) -> [String] {
        do { return try await backend.translate(texts, pair: pair) } catch {
            throw (error as? EngineError) ?? .failed(engine: name, reason: "\(error)")
        }
    }
}

struct ApertiumCommandDetector: LanguageDetecting {
    func detect(_ text: String, limit: Int) async -> [Detection] {
        let guesses = (try? await ApertiumCommandBackend().detect(text)) ?? []
        return guesses.prefix(limit).map { Detection(language: $0.language, confidence: $0.confidence) }
    }
}
