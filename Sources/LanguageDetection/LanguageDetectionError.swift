// Why a language detector could not be built, with the file or language at fault.

public enum LanguageDetectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libexttextcat's fingerprint list could not be read.
    case unreadableConfiguration(path: String)
    /// A language's fingerprint file is missing or malformed.
    case unreadableFingerprint(language: String, path: String)
    /// None of the requested languages has a fingerprint.
    case noLanguages(requested: [String])

    public var description: String {
        switch self {
        case .unreadableConfiguration(let path): "cannot read libexttextcat's fingerprint list \(path)"
        case .unreadableFingerprint(let language, let path): "cannot read the \(language) fingerprint \(path)"
        case .noLanguages(let requested): "no fingerprint for any of \(requested.joined(separator: ", "))"
        }
    }
}
