// The compatible APIs' backend over Dragoman's TranslationService: same queue, cache and engines as /api/*.
// Long HTML documents are cut into request-sized slices, since the service caps texts per call.
import Engines
import HTTPServer

public struct ServiceBackend: CompatibilityBackend {
    let service: TranslationService

    public init(service: TranslationService) {
        self.service = service
    }

    public var limits: CompatibilityLimits {
        CompatibilityLimits(maxTexts: service.limits.maxTextsPerRequest, maxCharacters: service.limits.maxTextLength)
    }

    public func languagePairs() async -> [LanguagePair] {
        Array(Set(await service.languages().values.joined()))
            .sorted { ($0.source, $0.target) < ($1.source, $1.target) }
    }

    public func languageName(_ code: String) -> String { LanguageNames.english[code] ?? code }

    public func translate(_ texts: [String], pair: LanguagePair) async throws -> [String] {
        var output: [String] = []
        let size = max(1, limits.maxTexts)
        for start in stride(from: 0, to: texts.count, by: size) {
            let slice = Array(texts[start..<min(texts.count, start + size)])
            do {
                output += try await service.translate(slice, source: pair.source, target: pair.target).translations
            } catch {
                throw error.httpError
            }
        }
        return output
    }

    public func detect(_ text: String) async throws -> [LanguageGuess] {
        await service.detect(text).map { LanguageGuess(language: $0.language, confidence: $0.confidence) }
    }
}
