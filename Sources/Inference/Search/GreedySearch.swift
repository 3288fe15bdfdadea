// Greedy decoding of a batch, as Hugging Face's generate(num_beams=1): argmax of the masked logits until EOS
// or max_length; a finished sentence keeps feeding pad while the others continue.

public enum GreedySearch {
    /// Returns each sentence's generated ids, without the start token and without EOS. Finished sentences
    /// leave the batch (`retain`), which does not change the others' results.
    public static func run(_ decoder: StepDecoder, sources: [[Int32]], options o: SearchOptions) -> [[Int32]] {
        decoder.begin(sources: sources, beams: 1)
        let vocabulary = decoder.vocabularySize
        var alive = Array(sources.indices)  // the sentence in each batch row
        var tokens = [Int32](repeating: o.decoderStartID, count: sources.count)
        var outputs = [[Int32]](repeating: [], count: sources.count)
        var length = 1
        while length < o.maxLength && !alive.isEmpty {
            let logits = decoder.step(tokens: tokens, parents: nil)[...]
            var keep: [Int] = []
            for (row, sentence) in alive.enumerated() {
                var scores = logits[row * vocabulary..<(row + 1) * vocabulary]
                LogitsProcessing.mask(&scores, length: length, options: o)
                let next = Int32(argmax(scores) - scores.startIndex)
                guard next != o.eosID else { continue }
                outputs[sentence].append(next)
                tokens[row] = next
                keep.append(row)
            }
            length += 1
            if !keep.isEmpty && keep.count < alive.count { decoder.retain(sentences: keep) }
            alive = keep.map { alive[$0] }
            tokens = keep.map { tokens[$0] }
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
