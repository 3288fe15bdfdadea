// SentencePiece's precompiled normalization map (NormalizerSpec.precompiled_charsmap): the nmt_nfkc rules compiled
// into a Darts-clone double-array trie over UTF-8 bytes plus a blob of NUL-terminated replacement strings.
// Layout (sentencepiece normalizer.cc, EncodePrecompiledCharsMap): <trie size: uint32 LE><trie units><strings>.
// Read once per model; every tokenization does one prefix search per input character.

struct PrecompiledCharsMap: Sendable {
    private let units: [UInt32]
    private let replacements: [UInt8]

    init(_ blob: [UInt8]) throws(TokenizerError) {
        guard blob.count > 4 else { throw .brokenCharsMap("blob of \(blob.count) bytes has no trie") }
        let trieSize = Int(Self.littleEndian(blob, at: 0))
        guard trieSize % 4 == 0, 4 + trieSize <= blob.count else {
            throw .brokenCharsMap("trie size \(trieSize) does not fit a blob of \(blob.count) bytes")
        }
        units = stride(from: 4, to: 4 + trieSize, by: 4).map { Self.littleEndian(blob, at: $0) }
        replacements = Array(blob[(4 + trieSize)...])
    }

    /// The longest rule matching a prefix of `input[start...]`: (bytes consumed, replacement bytes), or nil.
    func longestMatch(_ input: [UInt8], from start: Int) -> (length: Int, replacement: ArraySlice<UInt8>)? {
        guard let (length, value) = longestPrefix(input, from: start) else { return nil }
        guard value < replacements.count else { return nil }
        let end = replacements[value...].firstIndex(of: 0) ?? replacements.endIndex
        return (length, replacements[value..<end])
    }

    /// Darts-clone `commonPrefixSearch`, keeping the longest hit (what Normalizer::NormalizePrefix uses).
    private func longestPrefix(_ key: [UInt8], from start: Int) -> (length: Int, value: Int)? {
        guard !units.isEmpty else { return nil }
        var best: (length: Int, value: Int)?
        var node = Int(Self.offset(units[0]))
        for index in start..<key.count {
            let label = key[index]
            node ^= Int(label)
            guard node < units.count else { break }
            let unit = units[node]
            // label() keeps bit 31, so a leaf unit (bit 31 set) never matches a key byte.
            guard unit & (0x8000_0000 | 0xFF) == UInt32(label) else { break }
            node ^= Int(Self.offset(unit))
            if (unit >> 8) & 1 == 1, node < units.count {
                best = (index - start + 1, Int(units[node] & 0x7FFF_FFFF))
            }
        }
        return best
    }

    private static func littleEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for index in (0..<4).reversed() { value = value << 8 | UInt32(bytes[offset + index]) }
        return value
    }

    private static func offset(_ unit: UInt32) -> UInt32 {
        (unit >> 10) << ((unit & (1 << 9)) >> 6)
    }
}
