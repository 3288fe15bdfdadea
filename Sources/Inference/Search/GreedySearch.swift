// Greedy decoding of a batch, as Hugging Face's generate(num_beams=1): argmax of the masked logits until EOS
// or max_length; a finished sentence keeps feeding pad while the others continue.

public enum GreedySearch {
    /// Returns each sentence's generated ids, without the start token and without EOS.
    public static func run(_ decoder: StepDecoder, sources: [[Int32]], options o: SearchOptions) -> [[Int32]] {
        decoder.begin(sources: sources, beams: 1)
        let vocabulary = decoder.vocabularySize
        var tokens = [Int32](repeating: o.decoderStartID, count: sources.count)
        var outputs = [[Int32]](repeating: [], count: sources.count)
        var done = [Bool](repeating: false, count: sources.count)
        var length = 1
        while length < o.maxLength && done.contains(false) {
            let logits = decoder.step(tokens: tokens, parents: nil)[...]
            for sentence in sources.indices {
                guard !done[sentence] else { tokens[sentence] = o.decoderStartID; continue }
                var row = logits[sentence * vocabulary..<(sentence + 1) * vocabulary]
                LogitsProcessing.mask(&row, length: length, options: o)
                let next = Int32(argmax(row) - row.startIndex)
                tokens[sentence] = next
                if next == o.eosID { done[sentence] = true } else { outputs[sentence].append(next) }
            }
            length += 1
        }
        return outputs
    }

    /// The first index of the largest value, as torch.argmax.
    static func argmax(_ row: ArraySlice<Float>) -> Int {
        var best = row.startIndex
        for index in row.indices where row[index] > row[best] { best = index }
        return best
    }
}
