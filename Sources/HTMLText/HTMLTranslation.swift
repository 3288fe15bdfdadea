// The one call the service makes: translate the prose of an HTML string as one batch, keep everything else.
// Spaces around a text node are kept out of the translation and put back, so `<b>Hello</b> world` keeps its gap.

public enum HTMLTranslation {
    /// Translates the text nodes of `html` with `translate` (one call with all texts, in document order).
    /// The HTML is parsed twice — once to read the texts, once to write them back — so no libxml2 handle
    /// lives across the `await` (a document is not Sendable); parsing a few KB costs microseconds against
    /// milliseconds of translation.
    public static func translate(
        _ html: String, with translate: ([String]) async throws -> [String]
    ) async throws -> String {
        let texts = try HTMLDocument(parsing: html).texts
        guard !texts.isEmpty else { return try HTMLDocument(parsing: html).serialized() }
        let pieces = texts.map(SpacedText.init)
        let translated = try await translate(pieces.map(\.core))
        guard translated.count == pieces.count else {
            throw HTMLTextError.countMismatch(expected: pieces.count, got: translated.count)
        }
        let document = try HTMLDocument(parsing: html)
        try document.replaceTexts(zip(pieces, translated).map { $0.rewrapped($1) })
        return document.serialized()
    }

    /// The texts that `translate` would be handed for `html`, for counting characters before translating.
    public static func texts(in html: String) throws -> [String] {
        try HTMLDocument(parsing: html).texts.map { SpacedText($0).core }
    }
}

/// A text node split into leading spaces, the prose, and trailing spaces.
struct SpacedText {
    let leading: Substring
    let core: String
    let trailing: Substring

    init(_ text: String) {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        leading = text[..<start]
        core = String(text[start..<end])
        trailing = text[end...]
    }

    func rewrapped(_ translation: String) -> String { leading + translation + trailing }
}
