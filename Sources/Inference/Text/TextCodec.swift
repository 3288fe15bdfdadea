// Text ↔ token ids for one model. The Marian tokenizer (Sources/Inference/Tokenizer) is the real one; search and
// the engine see only this protocol, so they run the same over any tokenizer.

public protocol TextCodec: Sendable {
    /// Source ids for one sentence, ending in EOS.
    func encode(_ text: String) -> [Int32]
    /// Text for generated target ids (special tokens skipped).
    func decode(_ ids: [Int32]) -> String
}
