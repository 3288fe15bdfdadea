// A Marian (OPUS-MT) model loaded once from one GGUF file: hyper-parameters, tokenizer metadata and memory-mapped
// weights. Immutable and shared by every worker; each worker computes with its own `MarianState`.

public final class MarianModel: Sendable {
    public let path: String
    public let hyperparameters: MarianHyperparameters
    /// Every metadata value, for the tokenizer (vocabulary, SentencePiece pieces and scores).
    public let metadata: GGUFMetadata
    let weights: MarianWeights

    public init(path: String) throws(ModelLoadError) {
        let file = try MappedFile(path: path)
        let contents = try GGUFReader.read(path: path)
        let architecture = try contents.metadata.string(GGUFKey.architecture)
        guard architecture == "marian" else { throw .wrongArchitecture(path: path, found: architecture) }
        self.path = path
        metadata = contents.metadata
        hyperparameters = try MarianHyperparameters(metadata: contents.metadata)
        weights = try MarianWeights(contents: contents, file: file, hyperparameters: hyperparameters)
    }

    public var pair: (source: String, target: String) { (hyperparameters.sourceLanguage, hyperparameters.targetLanguage) }
}
