// Turns a client's text into Apertium's stream format and an answer back into text: the job `apertium-destxt` and
// `apertium-retxt` do in the `apertium` script, done here so a persistent null-flush chain needs no deformatter.
// Evidence (measured on Apertium 3.8.3): `lt-proc -z` drops the last character before a NUL unless a blank follows,
// so every text ends with an empty superblank `[]`; a pronoun dropped in Spanish leaves its blank at the start
// (" Tengo un perro."), so the answer takes the original text's leading and trailing whitespace instead of its own.

enum ApertiumStreamFormat {
    /// Characters the stream format gives a meaning (`^word/analysis<tag>$`, `[superblank]`, `{chunk}`, marks).
    private static let special: Set<UInt8> = Set("\\^$@*/<>{}[]#".utf8)
    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// The bytes to write for `text`, NUL-terminated. NULs in the text would split it in two and become spaces.
    static func encode(_ core: Substring) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(core.utf8.count + 16)
        var inSuperblank = false
        for byte in core.utf8 {
            let isBreak = byte == newline || byte == carriageReturn
            if isBreak && !inSuperblank { output.append(UInt8(ascii: "[")); inSuperblank = true }
            if !isBreak && inSuperblank { output.append(UInt8(ascii: "]")); inSuperblank = false }
            if byte == 0 { output.append(UInt8(ascii: " ")); continue }
            if special.contains(byte) { output.append(UInt8(ascii: "\\")) }
            output.append(byte)
        }
        if inSuperblank { output.append(UInt8(ascii: "]")) }
        output.append(contentsOf: "[]".utf8)
        output.append(0)
        return output
    }

    /// Whether an answer ends with the `[]` every text is sent with: a truncated one does not.
    static func isComplete(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2, bytes[bytes.count - 2] == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else {
            return false
        }
        return bytes.dropLast(2).reversed().prefix { $0 == UInt8(ascii: "\\") }.count % 2 == 0
    }

    /// The text an answer's bytes (without the NUL) stand for: escapes undone, superblanks opened; nil when the
    /// answer is truncated, which counts as a failure, not as a translation.
    static func decode(_ bytes: [UInt8]) -> String? {
        guard isComplete(bytes) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var escaped = false
        for byte in bytes {
            if escaped { output.append(byte); escaped = false; continue }
            switch byte {
            case UInt8(ascii: "\\"): escaped = true
            case UInt8(ascii: "["), UInt8(ascii: "]"): continue  // our superblanks: keep what they hold
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Splits `text` into leading whitespace, the part to translate and trailing whitespace.
    static func split(_ text: String) -> (leading: Substring, core: Substring, trailing: Substring) {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text[start...].lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return (text[..<start], text[start..<end], text[end...])
    }

    /// The translation, with the original's outer whitespace in place of the chain's.
    static func reassemble(_ answer: String, like text: String) -> String {
        let (leading, _, trailing) = split(text)
        let (_, core, _) = split(answer)
        return String(leading) + String(core) + String(trailing)
    }
}
