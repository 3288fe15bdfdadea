// A byte trie over SentencePiece pieces: the unigram lattice walks it from every character position, and the
// normalizer uses one over user-defined pieces. Built once per model; lookups are one array index per byte.

struct PieceTrie: Sendable {
    /// children[node] maps a byte to the child node; values[node] is the piece id ending there, or -1.
    private var children: [[UInt8: Int32]] = [[:]]
    private var values: [Int32] = [-1]

    init(_ entries: [(bytes: [UInt8], id: Int32)]) {
        for (bytes, id) in entries where !bytes.isEmpty {
            var node = 0
            for byte in bytes {
                if let next = children[node][byte] {
                    node = Int(next)
                } else {
                    children.append([:])
                    values.append(-1)
                    children[node][byte] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            // sentencepiece rejects duplicate pieces; the first id wins here, as in its piece map.
            if values[node] < 0 { values[node] = id }
        }
    }

    /// Every piece that is a prefix of `input[start...]`, shortest first: (byte length, id).
    func prefixes(_ input: [UInt8], from start: Int) -> [(length: Int, id: Int32)] {
        var found: [(length: Int, id: Int32)] = []
        var node = 0
        var index = start
        while index < input.count, let next = children[node][input[index]] {
            node = Int(next)
            index += 1
            if values[node] >= 0 { found.append((index - start, values[node])) }
        }
        return found
    }

    func longestMatch(_ input: [UInt8], from start: Int) -> (length: Int, id: Int32)? {
        prefixes(input, from: start).last
    }
}
