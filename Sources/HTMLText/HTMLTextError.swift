// Errors from HTML text handling, with the evidence needed to tell what went wrong.
public enum HTMLTextError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxml2 returned no document at all (it recovers from almost anything, so this is rare).
    case unparsable(bytes: Int)
    /// The caller gave back a different number of texts than it was handed.
    case countMismatch(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .unparsable(let bytes): "libxml2 could not parse \(bytes) bytes of HTML"
        case .countMismatch(let expected, let got): "expected \(expected) translated texts, got \(got)"
        }
    }
}
