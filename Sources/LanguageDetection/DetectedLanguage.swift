// One answer of `POST /api/detect`: an ISO 639-1 code and how sure the detector is (0…1).

public struct DetectedLanguage: Sendable, Codable, Hashable {
    public var language: String
    public var confidence: Double

    public init(language: String, confidence: Double) {
        self.language = language
        self.confidence = confidence
    }
}
