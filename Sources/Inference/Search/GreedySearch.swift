// Greedy decoding of a batch, as Hugging Face's generate(num_beams=1): argmax of the masked logits until EOS
// or max_length; a finished sentence keeps feeding pad while the others continue.

public enum GreedySearch {
    /// Returns each sentence's generated ids, without the start token and without EOS. Finished sentences
    /// leave the batch (`retain`), which does not change the others' results.
    public static func run(_ decoder: StepDecoder, sources: [[Int32]], options o: SearchOptions)
        throws(InferenceError) -> [[Int32]]
    {
        try decoder.begin(sources: sources, beams: 1)
        let vocabulary = decoder.vocabularySize
        var alive = Array(sources.indices)  // the sentence in each batch row
        var tokens = [Int32](repeating: o.decoderStartID, count: sources.count)
        var outputs = [[Int32]](repeating: [], count: sources.count)
        var length = 1
        while length < o.maxLength && !alive.isEmpty {
            let logits = try decoder.step(tokens: tokens, parents: nil)
            var keep: [Int] = []
            for (row, sentence) in alive.enumerated() {
                let next = logits.withUnsafeBufferPointer {
                    Int32(maskedArgmax(UnsafeBufferPointer(rebasing: $0[row * vocabulary..<(row + 1) * vocabulary]),
                                       length: length, options: o))
                }
                guard next != o.eosID else { continue }
                outputs[sentence].append(next)
                tokens[row] = next
                keep.append(row)
            }
            length += 1
            if !keep.isEmpty && keep.count < alive.count { try decoder.retain(sentences: keep) }
            alive = keep.map { alive[$0] }
            tokens = keep.map { tokens[$0] }
        }
        return outputs
    }

    /// torch.argmax (the first index of the largest value) of the row after `LogitsProcessing.mask`, read in
    /// place: masked tokens count as -inf, and a forced token is the only finite one.
    static func maskedArgmax(_ row: UnsafeBufferPointer<Float>, length: Int, options o: SearchOptions) -> Int {
        if let forced = LogitsProcessing.forcedToken(length: length, options: o) { return Int(forced) }
        func value(_ index: Int) -> Float {
            LogitsProcessing.isMasked(index, length: length, options: o) ? -.infinity : row[index]
        }
        var (best, bestValue) = (0, value(0))
        for index in row.indices.dropFirst() where row[index] > bestValue {
            let candidate = value(index)
            if candidate > bestValue { (best, bestValue) = (index, candidate) }
        }
        return best
    }
}
