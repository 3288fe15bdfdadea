// What the LibreTranslate- and DeepL-compatible endpoints need from Dragoman, as one small protocol: the wiring
// adapts the translation service to it, so these handlers never depend on the queue, the cache or an engine.
import Engines
import LanguageDetection

public protocol CompatibilityBackend: Sendable {
    /// Every direction that can be translated now (direct or through a pivot), in ISO 639-1 codes.
    func languagePairs() async -> [LanguagePair]
    /// The English name of a language code ("es" → "Spanish").
    func languageName(_ code: String) -> String
    /// Translates `texts` in order; throws HTTPError (with the service's status and code) or EngineError.
    func translate(_ texts: [String], pair: LanguagePair) async throws -> [String]
    /// Language guesses for `text`, best first, confidence in 0...1.
    func detect(_ text: String) async throws -> [LanguageGuess]
    /// Request limits the compatible APIs report and enforce.
    var limits: CompatibilityLimits { get }
}

/// A guess with confidence in 0...1; the compatible APIs rescale it to their own ranges when they render.
public typealias LanguageGuess = DetectedLanguage

public struct CompatibilityLimits: Sendable, Hashable {
    /// Most texts in one request (DeepL documents 50).
    public var maxTexts: Int
    /// Most characters in one text.
    public var maxCharacters: Int

    public init(maxTexts: Int = 50, maxCharacters: Int = 5_000) {
        self.maxTexts = maxTexts
        self.maxCharacters = maxCharacters
    }
}
