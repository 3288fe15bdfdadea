// One served model: the shared MarianModel, its tokenizer, and the scheduler over its workers. Splits each text
// into sentences, sends every sentence of a call to the scheduler at once, and joins the translations back.
import Inference

final class MarianPairService: Sendable {
    let header: MarianModelHeader
    let model: MarianModel
    private let codec: any TextCodec
    private let scheduler: BatchScheduler

    init(header: MarianModelHeader, model: MarianModel, codec: any TextCodec, configuration c: MarianConfiguration) {
        self.header = header
        self.model = model
        self.codec = codec
        var options = SearchOptions(model: model.hyperparameters)
        if let beams = c.beamSize { options.beams = max(1, beams) }
        if let length = c.maxLength { options.maxLength = max(2, length) }
        // Positions past the sinusoidal table do not exist; the model's own max_length never exceeds it.
        options.maxLength = min(options.maxLength, model.hyperparameters.maxPositions)
        let workers = (0..<max(1, c.workers)).map { index in
            MarianWorker(model: model, threads: c.threadsPerWorker, label: "marian.\(header.version).\(index)")
        }
        scheduler = BatchScheduler(workers: workers, maxBatchSize: c.maxBatchSize, options: options)
    }

    func translate(_ texts: [String]) async -> [String] {
        let split = texts.map(SentenceSplitter.split)
        // Blank pieces (leading whitespace, empty lines) pass through untranslated.
        let sentences = split.flatMap { $0.map(\.sentence) }.filter { !$0.isEmpty }
        var outputs = await scheduler.submit(sentences.map(codec.encode)).map(codec.decode)[...]
        return split.map { pieces in
            let translated = pieces.map { $0.sentence.isEmpty ? "" : outputs.removeFirst() }
            return SentenceSplitter.join(translated, pieces)
        }
    }
}
