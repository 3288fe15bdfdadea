// The runner against Hugging Face's MarianMTModel on the same random weights: teacher-forced log-probabilities
// at every position, greedy and beam-4 outputs for every fixture sentence, batched equal to one-by-one; each with
// ggml's own ops, with CKernels' tiled kernels and with the integer kernel (the default where the CPU has AVX2).
import Inference
import Testing

@Suite struct MarianOracleTests {
    let reference = Fixtures.reference
    let model = Fixtures.f32
    var eos: Int32 { Int32(model.hyperparameters.eosID) }

    func options(beams: Int) -> SearchOptions {
        var options = SearchOptions(model: model.hyperparameters)
        options.beams = beams
        options.maxLength = reference.generation.maxLength
        options.lengthPenalty = reference.generation.lengthPenalty
        return options
    }

    @Test(arguments: LinearKernel.allCases) func teacherForcedLogProbabilitiesMatchWithin1e4(kernel: LinearKernel) throws {
        let state = MarianState(model: model, threads: 1, linearKernel: kernel)
        for sentence in reference.sentences {
            let forced = sentence.teacherForced
            let rows = try TeacherForcing.logProbabilities(state, source: sentence.inputIds, target: forced.decoderInputIds)
            for (position, row) in rows.enumerated() {
                let label = Int(forced.labels[position])
                #expect(abs(Double(row[label]) - forced.labelLogprobs[position]) < 1e-4, "\(sentence.text) @\(position)")
                for (id, logprob) in zip(forced.topIds[position], forced.topLogprobs[position]) {
                    #expect(abs(Double(row[id]) - logprob) < 1e-4, "\(sentence.text) @\(position) id \(id)")
                }
                if let full = forced.fullLogprobs?[position] {
                    let worst = zip(row, full).map { abs(Double($0) - $1) }.max() ?? 0
                    #expect(worst < 1e-4, "\(sentence.text) @\(position): full row differs by \(worst)")
                }
            }
        }
    }

    /// The tokenizer rebuilt from the GGUF metadata gives Hugging Face's ids and decoded text.
    @Test func tokenizerFromModelFileMatchesHuggingFace() throws {
        let tokenizer = try model.makeTokenizer()
        for sentence in reference.sentences {
            #expect(tokenizer.encode(sentence.text) == sentence.inputIds, "\(sentence.text)")
            #expect(tokenizer.decode(sentence.beam4.ids) == sentence.beam4.text, "\(sentence.text)")
        }
    }

    @Test(arguments: LinearKernel.allCases) func greedyOutputsEqualHuggingFace(kernel: LinearKernel) throws {
        let state = MarianState(model: model, threads: 1, linearKernel: kernel)
        for sentence in reference.sentences {
            let output = try GreedySearch.run(state, sources: [sentence.inputIds], options: options(beams: 1))
            #expect(output == [sentence.greedy.generated(eos: eos)], "\(sentence.text)")
        }
    }

    @Test(arguments: LinearKernel.allCases) func beamOutputsEqualHuggingFace(kernel: LinearKernel) throws {
        let state = MarianState(model: model, threads: 1, linearKernel: kernel)
        for sentence in reference.sentences {
            let output = try BeamSearch.run(state, sources: [sentence.inputIds], options: options(beams: 4))
            #expect(output == [sentence.beam4.generated(eos: eos)], "\(sentence.text)")
        }
    }

    @Test(arguments: [1, 4], LinearKernel.allCases) func batchedEqualsOneByOne(beams: Int, kernel: LinearKernel) throws {
        let state = MarianState(model: model, threads: 2, linearKernel: kernel)
        let sources = reference.sentences.map(\.inputIds)
        let search = beams == 1 ? GreedySearch.run : BeamSearch.run
        let batched = try search(state, sources, options(beams: beams))
        let expected = reference.sentences.map { beams == 1 ? $0.greedy.generated(eos: eos) : $0.beam4.generated(eos: eos) }
        #expect(batched == expected)
    }

    /// 100,000 hypotheses of the tiny model want a 3 GB self-attention cache. The worker's limit refuses it
    /// before anything is allocated (a machine that overcommits would grant it, and then run out of memory
    /// writing to it); the same state then decodes a sentence within the limit.
    @Test func aBatchOverTheMemoryLimitIsRefusedAndTheStateRecovers() throws {
        let state = MarianState(model: model, threads: 1, memoryLimit: 1 << 20)
        let sentence = reference.sentences[0]
        #expect {
            try state.begin(sources: [sentence.inputIds], beams: 100_000)
        } throws: { error in
            guard case .memoryLimitExceeded(let what, let bytes, _, let limit)? = error as? InferenceError else {
                return false
            }
            return what.contains("self-attention cache for 100000 hypotheses") && bytes > 3 << 30 && limit == 1 << 20
        }
        let output = try BeamSearch.run(state, sources: [sentence.inputIds], options: options(beams: 4))
        #expect(output == [sentence.beam4.generated(eos: eos)])
    }
}
