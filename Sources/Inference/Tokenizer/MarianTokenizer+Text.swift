// Text rules Hugging Face applies around SentencePiece for Marian: splitting on special-token strings, the ">>xx<<"
// target-language prefix of multilingual OPUS-MT models, and Python's notion of whitespace for strip().

enum SpecialTokenSplitter {
    enum Chunk: Equatable { case text(String), special(String) }

    /// Splits at every occurrence of a special token (leftmost, longest), as HF's added-tokens trie does.
    static func split(_ text: String, on tokens: [String]) -> [Chunk] {
        let bytes = Array(text.utf8)
        let patterns = tokens.map { Array($0.utf8) }.sorted { $0.count > $1.count }
        var chunks: [Chunk] = []
        var pending = 0
        var index = 0
        while index < bytes.count {
            guard let match = patterns.first(where: { bytes[index...].starts(with: $0) }) else {
                index += 1
                continue
            }
            if pending < index { chunks.append(.text(String(decoding: bytes[pending..<index], as: UTF8.self))) }
            chunks.append(.special(String(decoding: match, as: UTF8.self)))
            index += match.count
            pending = index
        }
        if pending < bytes.count { chunks.append(.text(String(decoding: bytes[pending...], as: UTF8.self))) }
        return chunks
    }
}

enum LanguageCode {
    /// MarianTokenizer.remove_language_code: text starting with ">>" and containing "<<" loses its prefix up to
    /// and including the first "<<", which becomes one token.
    static func split(_ text: String) -> (code: String?, rest: String) {
        let bytes = Array(text.utf8)
        let open = Array(">>".utf8), close = Array("<<".utf8)
        guard bytes.starts(with: open) else { return (nil, text) }
        guard let end = (0...max(0, bytes.count - 2)).first(where: { bytes[$0...].starts(with: close) }) else {
            return (nil, text)
        }
        return (String(decoding: bytes[..<(end + 2)], as: UTF8.self), String(decoding: bytes[(end + 2)...], as: UTF8.self))
    }
}

enum PythonWhitespace {
    /// Python's str.isspace() set (Unicode White_Space plus the ASCII separators 0x1C–0x1F), which str.strip() uses.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    static func strip(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
            let last = scalars.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
