// Pieces back to text as sentencepiece's SentencePieceProcessor::Decode does: control pieces vanish, "<unk>"
// becomes " ⁇ ", strings that are not pieces pass through verbatim, "▁" becomes a space, the leading space(s) of
// the dummy prefix are dropped, and runs of <0xXX> byte pieces are reassembled as UTF-8.

extension SentencePieceModel {
    /// sentencepiece's default unk_surface (kDefaultUnknownSymbol).
    static let unknownSurface = " \u{2047} "

    public func decode(pieces: [String]) -> String {
        var text: [UInt8] = []
        var bytes: [UInt8] = []
        var isBeginningWhitespace = true
        var beginningWhitespaceSeen = false
        for piece in pieces {
            let id = id(of: piece)
            if types[Int(id)] == .byte, let byte = Self.byteValue(piece) {
                bytes.append(byte)
                continue
            }
            Self.appendBytes(&bytes, to: &text)
            if beginningWhitespaceSeen || !text.isEmpty { isBeginningWhitespace = false }
            let (surface, consumed) = decodePiece(piece, id: id, isBeginningWhitespace: isBeginningWhitespace)
            text += surface.utf8
            beginningWhitespaceSeen = consumed
        }
        Self.appendBytes(&bytes, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// One piece's surface, and whether it consumed the beginning-of-sentence "▁" (DecodeSentencePiece).
    private func decodePiece(_ piece: String, id: Int32, isBeginningWhitespace: Bool) -> (String, Bool) {
        switch types[Int(id)] {
        case .control: return ("", false)
        case .unknown: return (pieces[Int(id)].utf8.elementsEqual(piece.utf8) ? Self.unknownSurface : piece, false)
        default: break
        }
        // Unicode scalars, not Characters: "▁" followed by a combining mark is one Character in Swift.
        var scalars = Substring(piece).unicodeScalars
        var consumed = false
        let spec = normalizer.spec
        if isBeginningWhitespace && (spec.addDummyPrefix || spec.removeExtraWhitespaces) {
            if scalars.first == "\u{2581}" {
                scalars = scalars.dropFirst()
                consumed = true
            }
            // With remove_extra_whitespaces every leading "▁" goes, so the flag never stops the stripping.
            if spec.removeExtraWhitespaces { consumed = false }
        }
        var surface = String.UnicodeScalarView()
        surface.append(contentsOf: scalars.map { $0 == "\u{2581}" ? " " : $0 })
        return (String(surface), consumed)
    }

    static func byteValue(_ piece: String) -> UInt8? {
        guard piece.count == 6, piece.hasPrefix("<0x"), piece.hasSuffix(">") else { return nil }
        return UInt8(piece.dropFirst(3).prefix(2), radix: 16)
    }

    /// Byte pieces as UTF-8; each byte of an invalid sequence becomes U+FFFD, as ProcessBytePieces does.
    private static func appendBytes(_ bytes: inout [UInt8], to text: inout [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let length = validSequenceLength(bytes, at: offset)
            if length == 0 {
                text += [0xEF, 0xBF, 0xBD]
                offset += 1
            } else {
                text += bytes[offset..<offset + length]
                offset += length
            }
        }
        bytes.removeAll()
    }

    private static func validSequenceLength(_ bytes: [UInt8], at offset: Int) -> Int {
        let length = UTF8Length.ofLeadByte(bytes[offset])
        guard offset + length <= bytes.count else { return 0 }
        if length == 1 { return bytes[offset] < 0x80 ? 1 : 0 }
        let sequence = Array(bytes[offset..<offset + length])
        guard sequence.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return 0 }
        // Swift's own validation rejects overlong forms and surrogates, as sentencepiece's DecodeUTF8 does.
        var iterator = sequence.makeIterator()
        var decoder = UTF8()
        if case .scalarValue = decoder.decode(&iterator) { return length }
        return 0
    }
}
