// The pipelines of one direction (`pipelines_per_pair` of them): each text goes to the least busy one, so a
// second chain only starts once the first has texts waiting. A text whose chain died under it is sent again
// once, to the restarted chain, so killing a stage from outside costs time but no answer; a hang is reported.
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
        var answer = await leastBusy().send(bytes)
        if case .failure(.failed) = answer { answer = await leastBusy().send(bytes) }
        return answer.map { ApertiumStreamFormat.reassemble(ApertiumStreamFormat.decode($0), like: text) }
    }

    func restarts() async -> Int {
        var total = 0
        for pipeline in pipelines { total += await pipeline.restarts }
        return total
    }

    func shutdown() async {
        for pipeline in pipelines { await pipeline.shutdown() }
    }

    private func leastBusy() -> ApertiumPipeline {
        pipelines.min { $0.load < $1.load } ?? pipelines[0]
    }
}
