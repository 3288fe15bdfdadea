// Splits long inputs into sentences before translation, because OPUS-MT models were trained on single sentences
// and degrade (or hit max_length) on paragraphs. Rule: a sentence ends at . ! ? … (and CJK 。！？), optionally
// followed by closing quotes or brackets, then whitespace; a line break always ends one. A period after a
// single letter ("J. Smith") or a listed abbreviation ("Dr.", "e.g.") does not. The whitespace between pieces
// is kept so the translations are joined back with the original spacing and line breaks.

public struct TextPiece: Sendable, Equatable {
    /// The sentence to translate (no surrounding whitespace); may be empty for a blank line.
    public var sentence: String
    /// The whitespace that followed it in the input, reproduced in the output.
    public var separator: String

    public init(sentence: String, separator: String) {
        self.sentence = sentence
        self.separator = separator
    }
}

public enum SentenceSplitter {
    static let terminators: Set<Character> = [".", "!", "?", "…", "。", "！", "？"]
    static let closers: Set<Character> = ["\"", "'", "”", "’", "»", ")", "]", "}"]
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "jr", "sr", "no", "fig", "sra", "sr", "dña",
    ]

    public static func split(_ text: String) -> [TextPiece] {
        var pieces: [TextPiece] = []
        var current = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        if index > 0 { pieces.append(TextPiece(sentence: "", separator: String(characters[0..<index]))) }
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace, character.isNewline || endsSentence(current) {
                var separator = ""
                while index < characters.count, characters[index].isWhitespace {
                    separator.append(characters[index])
                    index += 1
                }
                pieces.append(TextPiece(sentence: current, separator: separator))
                current = ""
                continue
            }
            current.append(character)
            index += 1
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(TextPiece(sentence: current, separator: "")) }
        return pieces.map(movingTrailingWhitespace)
    }

    /// "Hello \n" splits at the line break with the space still in the sentence: move it to the separator.
    static func movingTrailingWhitespace(_ piece: TextPiece) -> TextPiece {
        var sentence = Substring(piece.sentence)
        var trailing = ""
        while let last = sentence.last, last.isWhitespace {
            trailing = String(last) + trailing
            sentence = sentence.dropLast()
        }
        return TextPiece(sentence: String(sentence), separator: trailing + piece.separator)
    }

    /// Joins translated sentences with the separators the input had.
    public static func join(_ translations: [String], _ pieces: [TextPiece]) -> String {
        zip(translations, pieces).map { $0 + $1.separator }.joined()
    }

    static func endsSentence(_ text: String) -> Bool {
        var body = Substring(text)
        while let last = body.last, closers.contains(last) { body = body.dropLast() }
        guard let last = body.last, terminators.contains(last) else { return false }
        guard last == "." else { return true }
        let word = body.dropLast().split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
        if word.count == 1, word.first!.isLetter { return false }
        return !abbreviations.contains(word.lowercased())
    }
}
