// The unigram lattice search (unigram_model.cc, Model::EncodeOptimized): the best-scoring segmentation of the
// normalized bytes, walking the piece trie from each character. Scores add in Float, as sentencepiece does, so
// ties break the same way; the first candidate wins a tie (strict `>`).

extension SentencePieceModel {
    private struct BestPathNode {
        var id: Int32 = -1
        var score: Float = 0
        var startsAt = -1
    }

    /// The chosen segments as (start, end, id) byte ranges of `normalized`, in order.
    func bestPath(_ normalized: [UInt8]) -> [(start: Int, end: Int, id: Int32)] {
        let size = normalized.count
        guard size > 0 else { return [] }
        let unknownScore = minScore - 10
        var best = [BestPathNode](repeating: BestPathNode(), count: size + 1)
        var start = 0
        while start < size {
            let scoreSoFar = best[start].score
            let characterLength = min(UTF8Length.ofLeadByte(normalized[start]), size - start)
            var hasSingleNode = false
            for (length, id) in trie.prefixes(normalized, from: start) where types[Int(id)] != .unused {
                let candidate = score(of: id, length: length) + scoreSoFar
                relax(&best[start + length], startsAt: start, id: id, score: candidate)
                if length == characterLength { hasSingleNode = true }
            }
            if !hasSingleNode {
                relax(&best[start + characterLength], startsAt: start, id: unknownID, score: unknownScore + scoreSoFar)
            }
            start += characterLength
        }
        var segments: [(start: Int, end: Int, id: Int32)] = []
        var end = size
        while end > 0 {
            let node = best[end]
            segments.append((node.startsAt, end, node.id))
            end = node.startsAt
        }
        return segments.reversed()
    }

    /// User-defined pieces get a bonus that makes them always win (length × max score − 0.1, computed in double).
    private func score(of id: Int32, length: Int) -> Float {
        guard types[Int(id)] == .userDefined else { return scores[Int(id)] }
        return Float(Double(length) * Double(maxScore) - 0.1)
    }

    private func relax(_ node: inout BestPathNode, startsAt: Int, id: Int32, score: Float) {
        if node.startsAt == -1 || score > node.score {
            node = BestPathNode(id: id, score: score, startsAt: startsAt)
        }
    }

    /// SentencePieceProcessor::PopulateSentencePieceText: merge consecutive unknown segments into one piece, or,
    /// with byte fallback, spell each unknown segment as <0xXX> byte pieces.
    func populate(_ normalized: [UInt8], _ path: [(start: Int, end: Int, id: Int32)]) -> [(piece: String, id: Int32)] {
        var result: [(piece: String, id: Int32)] = []
        var previousUnknown = false
        for segment in path {
            let bytes = normalized[segment.start..<segment.end]
            let isUnknown = types[Int(segment.id)] == .unknown
            if isUnknown && byteFallback {
                for byte in bytes {
                    let piece = Self.bytePiece(byte)
                    result.append((piece, id(of: piece)))
                }
            } else if isUnknown && previousUnknown, let last = result.popLast() {
                result.append((last.piece + String(decoding: bytes, as: UTF8.self), last.id))
            } else {
                result.append((String(decoding: bytes, as: UTF8.self), segment.id))
            }
            previousUnknown = isUnknown
        }
        return result
    }

    static func bytePiece(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "<0x" + (hex.count == 1 ? "0" + hex : hex) + ">"
    }
}
