// Language detection for `POST /api/detect` and `"source": "auto"`, over libexttextcat's fingerprints.
// Restricting the candidates to the languages Dragoman can translate from makes it faster and more accurate
// (Galician and Portuguese, Catalan and Occitan confuse each other on short text).

public struct LanguageDetector: Sendable {
    private let classifier: LanguageClassifier
    /// The ISO codes this detector chooses among.
    public let languages: Set<String>

    /// `languages`: ISO 639-1 codes to choose among; nil for every language libexttextcat knows.
    public init(languages: Set<String>? = nil, folder: String = "/usr/share/libexttextcat") throws(LanguageDetectionError) {
        let database = try TextCatDatabase(folder: folder)
        let files = languages.map { wanted in database.files.filter { wanted.contains($0.key) } } ?? database.files
        guard !files.isEmpty else { throw .noLanguages(requested: (languages ?? []).sorted()) }
        classifier = try LanguageClassifier(files: files)
        self.languages = Set(files.keys)
    }

    /// The `limit` likeliest languages, best first. Short or ambiguous text gets a best guess with low confidence;
    /// text without letters gets confidence 0.
    public func detect(_ text: String, limit: Int = 3) async -> [DetectedLanguage] {
        await classifier.classify(text, limit: limit)
    }
}
