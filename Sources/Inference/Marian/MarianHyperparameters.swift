// The numbers that shape a Marian model and its default search, read from the GGUF metadata
// (written by Scripts/convert-marian from config.json and generation_config.json).

public enum Activation: String, Sendable {
    case swish, silu, relu, gelu
    case geluNew = "gelu_new"
}

public struct MarianHyperparameters: Sendable, Equatable {
    public var sourceLanguage: String
    public var targetLanguage: String
    public var vocabSize: Int
    public var dModel: Int
    public var encoderLayers: Int
    public var decoderLayers: Int
    public var encoderHeads: Int
    public var decoderHeads: Int
    public var encoderFFN: Int
    public var decoderFFN: Int
    public var maxPositions: Int
    public var activation: Activation
    public var scaleEmbedding: Bool
    public var tieWordEmbeddings: Bool
    public var padID: Int
    public var eosID: Int
    public var unkID: Int
    public var decoderStartID: Int
    public var numBeams: Int
    public var maxLength: Int
    public var lengthPenalty: Double
    public var badWordsIDs: [Int]
    /// The token forced at max_length - 1 (Marian configs: EOS), nil for none.
    public var forcedEOSID: Int?
    public var renormalizeLogits: Bool

    public init(metadata m: GGUFMetadata) throws(ModelLoadError) {
        sourceLanguage = try m.string(GGUFKey.sourceLanguage)
        targetLanguage = try m.string(GGUFKey.targetLanguage)
        vocabSize = try m.int(GGUFKey.vocabSize)
        dModel = try m.int(GGUFKey.dModel)
        encoderLayers = try m.int(GGUFKey.encoderLayers)
        decoderLayers = try m.int(GGUFKey.decoderLayers)
        encoderHeads = try m.int(GGUFKey.encoderHeads)
        decoderHeads = try m.int(GGUFKey.decoderHeads)
        encoderFFN = try m.int(GGUFKey.encoderFFN)
        decoderFFN = try m.int(GGUFKey.decoderFFN)
        maxPositions = try m.int(GGUFKey.maxPositions)
        let activationName = try m.string(GGUFKey.activation)
        guard let activation = Activation(rawValue: activationName) else {
            throw .invalidValue(key: GGUFKey.activation, reason: "unsupported activation '\(activationName)'")
        }
        self.activation = activation
        scaleEmbedding = try m.bool(GGUFKey.scaleEmbedding)
        tieWordEmbeddings = try m.bool(GGUFKey.tieWordEmbeddings)
        padID = try m.int(GGUFKey.padTokenID)
        eosID = try m.int(GGUFKey.eosTokenID)
        unkID = try m.int(GGUFKey.unkTokenID)
        decoderStartID = try m.int(GGUFKey.decoderStartTokenID)
        numBeams = (try? m.int(GGUFKey.numBeams)) ?? 1
        maxLength = (try? m.int(GGUFKey.maxLength)) ?? 512
        lengthPenalty = (try? m.float(GGUFKey.lengthPenalty)) ?? 1.0
        badWordsIDs = m.ints(GGUFKey.badWordsIDs) ?? [padID]
        // Converters of the first contract did not write the key; Marian's config default is forced EOS = eos.
        let forced = (try? m.int(GGUFKey.forcedEOSTokenID)) ?? eosID
        forcedEOSID = forced >= 0 ? forced : nil
        renormalizeLogits = (try? m.bool(GGUFKey.renormalizeLogits)) ?? false
        try validate()
    }

    private func validate() throws(ModelLoadError) {
        func require(_ ok: Bool, _ key: String, _ reason: String) throws(ModelLoadError) {
            if !ok { throw .invalidValue(key: key, reason: reason) }
        }
        try require(dModel > 0 && dModel % encoderHeads == 0, GGUFKey.encoderHeads, "must divide d_model \(dModel)")
        try require(dModel % decoderHeads == 0, GGUFKey.decoderHeads, "must divide d_model \(dModel)")
        for (key, id) in [(GGUFKey.padTokenID, padID), (GGUFKey.eosTokenID, eosID), (GGUFKey.unkTokenID, unkID),
                          (GGUFKey.decoderStartTokenID, decoderStartID)] {
            try require((0..<vocabSize).contains(id), key, "id \(id) outside the vocabulary of \(vocabSize)")
        }
        try require(maxLength >= 2, GGUFKey.maxLength, "must be at least 2")
        try require(numBeams >= 1, GGUFKey.numBeams, "must be at least 1")
    }
}
