// Beam search over a batch, following Hugging Face transformers 5's vectorised `_beam_search` step for step:
// top 2K continuations per sentence, the best K unfinished ones run on, the top-K of them that end (EOS or
// max_length) join the finished set scored sum/len^lp, and a sentence freezes once no running beam can beat its
// worst finished one (early_stopping=False heuristic). Each sentence's result is independent of its batch.

import CKernels

public enum BeamSearch {
    public static func run(_ decoder: StepDecoder, sources: [[Int32]], options o: SearchOptions)
        throws(InferenceError) -> [[Int32]]
    {
        let k = o.beams
        try decoder.begin(sources: sources, beams: k)
        var beams = sources.map { _ in SentenceBeams(beams: k) }
        var alive = Array(sources.indices)  // the sentence in each batch row
        var tokens = [Int32](repeating: o.decoderStartID, count: sources.count * k)
        var parents: [Int32]? = nil
        var length = 1
        while true {
            let logits = try decoder.step(tokens: tokens, parents: parents)
            var allCandidatesStop = true
            var chosen = [[Int]]()
            for (row, sentence) in alive.enumerated() {
                let candidates = topCandidates(logits, sentence: row, beams: beams[sentence], length: length,
                                               vocabulary: decoder.vocabularySize, options: o)
                let stops = candidates.map { $0.token == o.eosID || length + 1 >= o.maxLength }
                allCandidatesStop = allCandidatesStop && !stops.contains(false)
                chosen.append(beams[sentence].advance(candidates: candidates, stops: stops, length: length, options: o))
            }
            length += 1
            for sentence in alive { beams[sentence].checkHeuristic(length: length, options: o) }
            // A frozen sentence's finished set can no longer change: it leaves the batch.
            let keep = alive.indices.filter { beams[alive[$0]].canImprove }
            if allCandidatesStop || keep.isEmpty { break }
            if keep.count < alive.count { try decoder.retain(sentences: keep) }
            alive = keep.map { alive[$0] }
            tokens = alive.flatMap { beams[$0].running.map { $0.tokens.last! } }
            parents = keep.enumerated().flatMap { row, old in chosen[old].map { Int32(row * k + $0) } }
        }
        return beams.map { $0.best(eos: o.eosID) }
    }

    struct Candidate {
        let score: Float
        let beam: Int
        let token: Int32
    }

    /// The 2K best (beam, token) continuations of one sentence by accumulated log-probability: Hugging Face's
    /// log-softmax, masks and top-k over the flattened beams × vocabulary, computed on the rows in place.
    static func topCandidates(_ logits: [Float], sentence: Int, beams: SentenceBeams, length: Int, vocabulary v: Int,
                              options o: SearchOptions) -> [Candidate] {
        var top = TopCandidates(keep: 2 * o.beams)
        let forced = LogitsProcessing.forcedToken(length: length, options: o)
        logits.withUnsafeBufferPointer { all in
            for beam in 0..<o.beams {
                let start = (sentence * o.beams + beam) * v
                let base = beams.running[beam].score
                if o.renormalizeLogits && forced == nil {
                    var row = ArraySlice(all[start..<start + v])
                    LogitsProcessing.logSoftmax(&row)
                    LogitsProcessing.mask(&row, length: length, options: o)
                    LogitsProcessing.logSoftmax(&row)
                    for index in row.indices { top.offer(row[index] + base, beam: beam, token: index - row.startIndex) }
                    continue
                }
                let row = UnsafeBufferPointer(rebasing: all[start..<start + v])
                if let forced {  // every other token is -inf after the mask
                    for index in row.indices { top.offer(index == forced ? 0 + base : -.infinity, beam: beam, token: index) }
                    continue
                }
                let shift = LogitsProcessing.logSoftmaxShift(row)
                var index = 0
                while index < row.count {
                    // Most tokens fall below the threshold: a vector scan skips them by their raw logit, with a
                    // margin for rounding, and each one it stops at is judged by its exact score.
                    index = top.nextContender(in: row, from: index, shift: shift, base: base)
                    guard index < row.count else { break }
                    let score = (row[index] - shift) + base
                    if top.admits(score) {
                        let masked = LogitsProcessing.isMasked(index, length: length, options: o)
                        top.offer(masked ? -.infinity : score, beam: beam, token: index)
                    }
                    index += 1
                }
            }
        }
        return top.candidates
    }

    /// The best `keep` candidates seen so far, best first; among equal scores the earlier offer (the lower flat
    /// index) ranks first, as a stable top-k would.
    struct TopCandidates {
        let keep: Int
        private(set) var candidates: [Candidate] = []

        init(keep: Int) {
            self.keep = keep
            candidates.reserveCapacity(keep + 1)
        }

        func admits(_ score: Float) -> Bool { candidates.count < keep || score > candidates[keep - 1].score }

        /// The first index from `start` whose logit may make a score (logit − shift) + base that `admits`; the
        /// row's count if none can. A superset of the admitted: the caller checks the exact score.
        func nextContender(in row: UnsafeBufferPointer<Float>, from start: Int, shift: Float, base: Float) -> Int {
            guard candidates.count == keep, CPUKernels.available, let first = row.baseAddress else { return start }
            let threshold = candidates[keep - 1].score
            guard threshold.isFinite, base.isFinite, shift.isFinite else { return start }
            let raw = threshold - base + shift
            let margin = 1e-4 * (abs(threshold) + abs(base) + abs(shift)) + 1e-6
            return start + Int(dragoman_first_above(first + start, Int64(row.count - start), raw - margin))
        }

        mutating func offer(_ score: Float, beam: Int, token: Int) {
            guard admits(score) else { return }
            let position = candidates.firstIndex { $0.score < score } ?? candidates.count
            candidates.insert(Candidate(score: score, beam: beam, token: Int32(token)), at: position)
            if candidates.count > keep { candidates.removeLast() }
        }
    }
}
