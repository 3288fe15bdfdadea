// How to search for a translation, with the defaults Hugging Face's generate() takes from a Marian model's
// config: decoder start = pad, bad_words_ids = [[pad]], forced EOS at max_length - 1, no early stopping.

public struct SearchOptions: Sendable, Equatable {
    public var beams: Int
    /// Hugging Face counts the decoder start token: at most `maxLength - 1` tokens are generated.
    public var maxLength: Int
    /// EOS is masked until the sequence (start token included) reaches `minLength`; the benchmark sets it to
    /// `maxLength` to force a fixed output length.
    public var minLength: Int
    /// Finished hypotheses score sum(log p) / generated_length ^ lengthPenalty.
    public var lengthPenalty: Double
    public var eosID: Int32
    public var decoderStartID: Int32
    public var badWordsIDs: [Int32]
    /// Marian configs set forced_eos_token_id = eos: the last allowed step must emit this token.
    public var forcedEOSID: Int32?
    /// Log-softmax again after the masks (generation_config's renormalize_logits).
    public var renormalizeLogits: Bool

    public init(beams: Int, maxLength: Int, minLength: Int = 0, lengthPenalty: Double, eosID: Int32,
                decoderStartID: Int32, badWordsIDs: [Int32], forcedEOSID: Int32?, renormalizeLogits: Bool = false) {
        self.beams = max(1, beams)
        self.maxLength = max(2, maxLength)
        self.minLength = minLength
        self.lengthPenalty = lengthPenalty
        self.eosID = eosID
        self.decoderStartID = decoderStartID
        self.badWordsIDs = badWordsIDs
        self.forcedEOSID = forcedEOSID
        self.renormalizeLogits = renormalizeLogits
    }

    /// The model's own defaults.
    public init(model h: MarianHyperparameters) {
        self.init(
            beams: h.numBeams, maxLength: h.maxLength, lengthPenalty: h.lengthPenalty, eosID: Int32(h.eosID),
            decoderStartID: Int32(h.decoderStartID), badWordsIDs: h.badWordsIDs.map(Int32.init),
            forcedEOSID: h.forcedEOSID.map(Int32.init), renormalizeLogits: h.renormalizeLogits)
    }
}
