// The pipelines of one direction (`pipelines_per_pair` of them): each text goes to the least busy one, so a
// second chain only starts once the first has texts waiting. A text whose chain died under it is sent again
// (up to twice), to the restarted chain, so killing a stage from outside costs time but no answer; a hang is reported.
import Logging

final class ApertiumPipelinePool: Sendable {
    let mode: ApertiumMode
    let pipelines: [ApertiumPipeline]

    init(mode: ApertiumMode, configuration: ApertiumConfiguration, logger: Logger) {
        self.mode = mode
        pipelines = (0..<max(1, configuration.pipelines_per_pair)).map {
            ApertiumPipeline(mode: mode, index: $0, configuration: configuration, logger: logger)
        }
    }

    func translate(_ text: String) async -> Result<String, EngineError> {
        let core = ApertiumStreamFormat.split(text).core
        guard !core.isEmpty else { return .success(text) }
        let bytes = ApertiumStreamFormat.encode(core)
        var answer = await attempt(bytes, like: text)
        // Texts already on their way to a dying chain fail too, so a second try may still meet it: try twice more.
        for _ in 0..<2 {
            guard case .failure(.failed) = answer else { break }
            answer = await attempt(bytes, like: text)
        }
        return answer
    }

    private func attempt(_ bytes: [UInt8], like text: String) async -> Result<String, EngineError> {
        await leastBusy().send(bytes).flatMap { answer in
            guard let translation = ApertiumStreamFormat.decode(answer) else { return .failure(Self.truncated) }
            return .success(ApertiumStreamFormat.reassemble(translation, like: text))
        }
    }

    var restarts: Int { pipelines.reduce(0) { $0 + $1.restarts } }

    func shutdown() async {
        for pipeline in pipelines { await pipeline.shutdown() }
    }

    private static let truncated = EngineError.failed(engine: "apertium", reason: "truncated answer from a dying pipeline")

    private func leastBusy() -> ApertiumPipeline {
        pipelines.min { $0.load < $1.load } ?? pipelines[0]
    }
}
