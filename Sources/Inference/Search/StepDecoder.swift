// What search needs from a model: encode a batch once, then logits for each hypothesis, step after step.
// MarianState implements it over ggml; tests can drive search with a scripted decoder.

public protocol StepDecoder: AnyObject {
    var vocabularySize: Int { get }
    /// Encodes the sources (ids ending in EOS) and readies `beams` hypotheses per sentence at position 0.
    func begin(sources: [[Int32]], beams: Int) throws(InferenceError)
    /// Logits [hypotheses × vocabulary] for the next token; `parents[h]` is the hypothesis h continues.
    func step(tokens: [Int32], parents: [Int32]?) throws(InferenceError) -> [Float]
    /// Drops every sentence not in `sentences` (ascending indices into the current batch) from later steps.
    func retain(sentences: [Int]) throws(InferenceError)
}
