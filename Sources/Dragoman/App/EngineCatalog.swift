// Builds the engines a configuration asks for, and the detector over the languages they translate from.
// The one place that knows every engine type, so adding one (a remote engine) touches this file and its
// configuration section only.
import Engines
import LanguageDetection
import Logging

enum EngineCatalog {
    /// Apertium always (it needs no model files); Marian whenever the models folder holds GGUF models.
    static func makeEngines(_ configuration: Configuration, logger: Logger) async throws -> [any TranslationEngine] {
        var engines: [any TranslationEngine] = [try ApertiumEngine(configuration: configuration.apertium, logger: logger)]
        var marianLogger = logger
        marianLogger[metadataKey: "engine"] = "marian"
        let marian = await MarianEngine.start(configuration: configuration.marian, logger: marianLogger)
        if await !marian.pairs().isEmpty {
            engines.append(marian)
        } else {
            logger.info("no Marian models in \(configuration.marian.modelsDir); the marian engine is off")
        }
        return engines
    }

    /// libexttextcat over the languages some engine translates from: restricting the candidates makes
    /// detection both faster and more accurate than choosing among all ~160 fingerprints.
    static func makeDetector(engines: [any TranslationEngine], logger: Logger) async -> (any LanguageDetecting)? {
        var sources = Set<String>()
        for engine in engines { for pair in await engine.pairs() { sources.insert(pair.source) } }
        do {
            return try LanguageDetector(languages: sources)
        } catch {
            logger.warning("language detection is off: \(error)")
            return nil
        }
    }

    static func shutdown(_ engines: [any TranslationEngine]) async {
        for engine in engines {
            if let apertium = engine as? ApertiumEngine { await apertium.shutdown() }
        }
    }
}

extension ApertiumEngine: RoutingEngine {}

extension LanguageDetector: LanguageDetecting {}
