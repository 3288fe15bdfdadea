// One served model: the shared MarianModel, its tokenizer, and the scheduler over its workers. Splits each text
// into sentences (and a sentence longer than the model's positions into parts), sends every one of a call to the
// scheduler at once, and joins the translations back.
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
            MarianWorker(
                model: model, threads: c.threadsPerWorker, memoryLimit: c.workerMemoryLimit,
                label: "marian.\(header.version).\(index)")
        }
        scheduler = BatchScheduler(workers: workers, maxBatchSize: c.maxBatchSize, options: options)
    }

    func translate(_ texts: [String]) async throws(InferenceError) -> [String] {
        let split = texts.map(SentenceSplitter.split)
        // Blank pieces (leading whitespace, empty lines) pass through untranslated.
        let sentences = split.flatMap { $0.map(\.sentence) }.filter { !$0.isEmpty }
        let sources = sentences.map(sources(for:))
        var outputs = try await scheduler.submit(sources.flatMap { $0 }).map(codec.decode)[...]
        var translations = sources.map { parts in
            defer { outputs.removeFirst(parts.count) }
            return outputs.prefix(parts.count).joined(separator: " ")
        }[...]
        return split.map { pieces in
            let translated = pieces.map { $0.sentence.isEmpty ? "" : translations.removeFirst() }
            return SentenceSplitter.join(translated, pieces)
        }
    }

    /// A sentence's source ids, in several parts when it has more tokens than the model has positions (512 for
    /// OPUS-MT): halved at its middle space until every part fits, the parts translated apart and joined with a
    /// space. Otherwise the encoder would see its first positions only and the rest would vanish without a word.
    /// A part with no space left to split at is cut by `MarianState`.
    func sources(for sentence: String) -> [[Int32]] {
        let ids = codec.encode(sentence)
        guard ids.count > model.hyperparameters.maxPositions else { return [ids] }
        let words = sentence.split(separator: " ")
        guard words.count > 1 else { return [ids] }
        let middle = words.count / 2
        return sources(for: words[..<middle].joined(separator: " ")) + sources(for: words[middle...].joined(separator: " "))
    }
}
