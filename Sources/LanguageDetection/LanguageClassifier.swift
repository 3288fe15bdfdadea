// Ranks languages for a text by libexttextcat's n-gram distance and turns the distances into confidences.
// Owns every fingerprint handle, on a serial executor of its own: comparing a text with ~10 languages takes well
// under a millisecond, with all 160 a few milliseconds, CPU work that should not hold a cooperative thread.
import Executors
import Foundation

actor LanguageClassifier {
    private let executor = DispatchQueueExecutor(label: "language-detection")
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private let fingerprints: [(language: String, fingerprint: TextCatFingerprint)]

    init(files: [String: String]) throws(LanguageDetectionError) {
        var fingerprints: [(String, TextCatFingerprint)] = []
        for (language, path) in files.sorted(by: { $0.key < $1.key }) {
            guard let fingerprint = TextCatFingerprint(language: language, path: path) else {
                throw .unreadableFingerprint(language: language, path: path)
            }
            fingerprints.append((language, fingerprint))
        }
        self.fingerprints = fingerprints
    }

    func classify(_ text: String, limit: Int) -> [DetectedLanguage] {
        guard !fingerprints.isEmpty else { return [] }
        // textcat itself looks at a few hundred bytes at most; longer text only costs time.
        let sample = String(text.utf8.prefix(2_000)) ?? String(text.prefix(500))
        guard let unknown = TextCatFingerprint(text: sample) else {
            return Array(fingerprints.prefix(limit).map { DetectedLanguage(language: $0.language, confidence: 0) })
        }
        let distances = fingerprints.map { ($0.language, $0.fingerprint.distance(to: unknown)) }
        return Self.confidences(distances, textLength: sample.count).prefix(max(0, limit)).map { $0 }
    }

    /// Softmax over relative distances: a language 5% farther than the best gets about a third of its weight
    /// (textcat itself treats candidates within 3% as ties). Short texts are scaled down: their n-grams are few.
    static func confidences(_ distances: [(String, Int)], textLength: Int) -> [DetectedLanguage] {
        let best = Double(distances.map(\.1).min() ?? 1).magnitude + 1
        let weights = distances.map { ($0.0, exp(-(Double($0.1) + 1 - best) / (best * 0.05))) }
        let total = weights.reduce(0) { $0 + $1.1 }
        let certainty = min(1, Double(textLength) / 40)
        return weights.map { DetectedLanguage(language: $0.0, confidence: $0.1 / total * certainty) }
            .sorted { $0.confidence > $1.confidence || ($0.confidence == $1.confidence && $0.language < $1.language) }
    }
}
