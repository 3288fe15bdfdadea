// Builds the engines a configuration asks for, and the detector over the languages they translate from.
// The one place that knows every engine type, so adding one (Marian, remote) touches this file and its
// configuration section only.
import Engines
import Logging

enum EngineCatalog {
    static func makeEngines(_ configuration: Configuration, logger: Logger) async throws -> [any TranslationEngine] {
        [try ApertiumEngine(configuration: configuration.apertium, logger: logger)]
    }

    /// Language detection arrives with the LanguageDetector (libexttextcat); until then "auto" is refused with
    /// language_not_detected and /api/detect answers an empty list.
    static func makeDetector(engines: [any TranslationEngine], logger: Logger) async -> (any LanguageDetecting)? {
        nil
    }

    static func shutdown(_ engines: [any TranslationEngine]) async {
        for engine in engines {
            if let apertium = engine as? ApertiumEngine { await apertium.shutdown() }
        }
    }
}

extension ApertiumEngine: RoutingEngine {}
