// Scores a given target under the model: the log-probability rows the decoder assigns at every position when
// fed the reference prefix. The oracle tests compare these with Hugging Face's, position by position.

public enum TeacherForcing {
    /// Row i is log p(· | source, target[0...i]); `target` starts with the decoder start token.
    public static func logProbabilities(_ decoder: StepDecoder, source: [Int32], target: [Int32])
        throws(InferenceError) -> [[Float]]
    {
        try decoder.begin(sources: [source], beams: 1)
        return try target.map { token throws(InferenceError) in
            var row = try decoder.step(tokens: [token], parents: nil)[...]
            LogitsProcessing.logSoftmax(&row)
            return Array(row)
        }
    }
}
