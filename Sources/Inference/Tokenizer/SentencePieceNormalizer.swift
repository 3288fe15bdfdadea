// SentencePiece's text normalizer (normalizer.cc, Normalizer::Normalize) over UTF-8 bytes: charsmap rules
// (nmt_nfkc for OPUS-MT), leading/trailing/repeated whitespace removal, the dummy prefix and "▁" for spaces.
// Runs once per input sentence before the unigram lattice; linear in the input length.

/// What NormalizerSpec (and TrainerSpec.treat_whitespace_as_suffix) say about normalization.
public struct SentencePieceNormalizerSpec: Sendable, Equatable {
    public var precompiledCharsMap: [UInt8]
    public var addDummyPrefix: Bool
    public var removeExtraWhitespaces: Bool
    public var escapeWhitespaces: Bool
    public var treatWhitespaceAsSuffix: Bool

    public init(
        precompiledCharsMap: [UInt8], addDummyPrefix: Bool = true, removeExtraWhitespaces: Bool = true,
        escapeWhitespaces: Bool = true, treatWhitespaceAsSuffix: Bool = false
    ) {
        self.precompiledCharsMap = precompiledCharsMap
        self.addDummyPrefix = addDummyPrefix
        self.removeExtraWhitespaces = removeExtraWhitespaces
        self.escapeWhitespaces = escapeWhitespaces
        self.treatWhitespaceAsSuffix = treatWhitespaceAsSuffix
    }
}

struct SentencePieceNormalizer: Sendable {
    static let spaceSymbol: [UInt8] = Array("\u{2581}".utf8)
    private static let space = UInt8(ascii: " ")

    let spec: SentencePieceNormalizerSpec
    private let charsMap: PrecompiledCharsMap?
    /// User-defined pieces pass through unnormalized (sentencepiece's PrefixMatcher).
    private let userDefined: PieceTrie

    init(spec: SentencePieceNormalizerSpec, userDefinedPieces: [String]) throws(TokenizerError) {
        self.spec = spec
        charsMap = spec.precompiledCharsMap.isEmpty ? nil : try PrecompiledCharsMap(spec.precompiledCharsMap)
        userDefined = PieceTrie(userDefinedPieces.enumerated().map { (Array($0.element.utf8), Int32($0.offset)) })
    }

    /// Normalizer::NormalizePrefix: the normalized form of the first unit of `input[start...]` and its byte length.
    private func prefix(_ input: [UInt8], from start: Int) -> (bytes: ArraySlice<UInt8>, length: Int) {
        if let length = userDefined.longestMatch(input, from: start)?.length {
            return (input[start..<start + length], length)
        }
        if let match = charsMap?.longestMatch(input, from: start), match.length > 0 {
            return (match.replacement, match.length)
        }
        // Swift strings are valid UTF-8, so the malformed-byte branch of sentencepiece cannot occur here.
        let length = min(UTF8Length.ofLeadByte(input[start]), input.count - start)
        return (input[start..<start + length], length)
    }

    func normalize(_ input: [UInt8]) -> [UInt8] {
        var start = 0
        if spec.removeExtraWhitespaces {
            while start < input.count {
                let (bytes, length) = prefix(input, from: start)
                guard bytes.count == 1, bytes.first == Self.space else { break }
                start += length
            }
        }
        guard start < input.count else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3)
        let whitespace = spec.escapeWhitespaces ? Self.spaceSymbol : [Self.space]
        if !spec.treatWhitespaceAsSuffix && spec.addDummyPrefix { output += whitespace }
        var previousIsSpace = spec.removeExtraWhitespaces
        while start < input.count {
            var (bytes, length) = prefix(input, from: start)
            while previousIsSpace, bytes.first == Self.space { bytes = bytes.dropFirst() }
            if !bytes.isEmpty {
                for byte in bytes {
                    if byte == Self.space && spec.escapeWhitespaces { output += Self.spaceSymbol } else { output.append(byte) }
                }
                previousIsSpace = bytes.last == Self.space
            }
            start += length
            if !spec.removeExtraWhitespaces { previousIsSpace = false }
        }
        if spec.removeExtraWhitespaces {
            while output.count >= whitespace.count, Array(output.suffix(whitespace.count)) == whitespace {
                output.removeLast(whitespace.count)
            }
        }
        if spec.treatWhitespaceAsSuffix && spec.addDummyPrefix { output += whitespace }
        return output
    }
}

enum UTF8Length {
    /// sentencepiece's OneCharLen: the sequence length announced by a lead byte (continuation bytes count as 1).
    static func ofLeadByte(_ byte: UInt8) -> Int {
        switch byte >> 4 {
        case 0xC, 0xD: 2
        case 0xE: 3
        case 0xF: 4
        default: 1
        }
    }
}
