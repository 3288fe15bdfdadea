// What the service needs from language detection, as a protocol so the service does not depend on one
// detector's types: the libexttextcat detector conforms in Application wiring, tests may pass a fixed one.

import LanguageDetection

/// One language guess: the detector's own value type, so no layer copies it into another shape.
public typealias Detection = DetectedLanguage

public protocol LanguageDetecting: Sendable {
    /// Candidates best first, restricted to languages some engine translates from.
    func detect(_ text: String, limit: Int) async -> [Detection]
}

/// Engines that translate some pairs through a third language say which route a pair takes
/// (["en", "es", "pt"]); a direct pair has no route to report.
public protocol RoutingEngine: Sendable {
    func route(for pair: Engines.LanguagePair) async -> [String]?
}

import Engines
