// Builds the engines a configuration asks for. The one place that knows every engine type, so adding an
// engine (Marian, remote) touches this file and its configuration section only.
import Engines
import Logging

enum EngineCatalog {
    static func makeEngines(_ configuration: Configuration, logger: Logger) async throws -> [any TranslationEngine] {
        []
    }
}

extension EngineCatalog {
    static func makeDetector(engines: [any TranslationEngine], logger: Logger) -> (any LanguageDetecting)? {
        nil
    }

    static func shutdown(_ engines: [any TranslationEngine]) async {}
}
