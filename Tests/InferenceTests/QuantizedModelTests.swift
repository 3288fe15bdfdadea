// f16 and q8_0 weights against the f32 Hugging Face reference. Bounds measured on the tiny fixture model
// (random weights, so flatter distributions than a trained model, i.e. more near-ties):
//   f16:  label log-prob |Δ| max 0.009, greedy identical on 20 of 20 sentences
//   q8_0: label log-prob |Δ| max 0.23, greedy identical on 16 of 20 sentences
// ggml's CPU matmul also rounds the activations to the weights' dot type (f16, q8_0), hence more than the
// weights' own rounding. The bounds leave ~2× headroom; results are deterministic.
import Inference
import Testing

@Suite struct QuantizedModelTests {
    struct Measure {
        var worstLogprob = 0.0
        var greedyMatches = 0
    }

    func measure(_ kind: String) throws -> Measure {
        let model = try MarianModel(path: Fixtures.model(kind))
        let state = MarianState(model: model, threads: 1)
        var options = SearchOptions(model: model.hyperparameters)
        options.beams = 1
        options.maxLength = Fixtures.reference.generation.maxLength
        let eos = Int32(model.hyperparameters.eosID)
        var measure = Measure()
        for sentence in Fixtures.reference.sentences {
            let forced = sentence.teacherForced
            let rows = TeacherForcing.logProbabilities(state, source: sentence.inputIds, target: forced.decoderInputIds)
            for (row, (label, logprob)) in zip(rows, zip(forced.labels, forced.labelLogprobs)) {
                measure.worstLogprob = max(measure.worstLogprob, abs(Double(row[Int(label)]) - logprob))
            }
            let greedy = GreedySearch.run(state, sources: [sentence.inputIds], options: options)
            if greedy == [sentence.greedy.generated(eos: eos)] { measure.greedyMatches += 1 }
        }
        print("\(kind): worst label log-prob difference \(measure.worstLogprob), greedy matches \(measure.greedyMatches)")
        return measure
    }

    @Test func f16StaysCloseToTheReference() throws {
        let measure = try measure("f16")
        #expect(measure.worstLogprob < 0.02)
        #expect(measure.greedyMatches >= 18)
    }

    @Test func q8StaysCloseToTheReference() throws {
        let measure = try measure("q8_0")
        #expect(measure.worstLogprob < 0.4)
        #expect(measure.greedyMatches >= 13)
    }
}
