// One sentence's beam-search state: K running hypotheses and up to K finished ones, with the bookkeeping of
// Hugging Face's `_get_running_beams_for_next_iteration`, `_update_finished_beams` and early-stop heuristic.
import Foundation

struct SentenceBeams {
    struct Hypothesis {
        var score: Float
        var tokens: [Int32]
    }

    /// Hugging Face's stand-in for "impossible": beams 1…K-1 start here so step one expands only beam 0.
    static let impossible: Float = -1e9
    let size: Int
    private(set) var running: [Hypothesis]
    private(set) var finished: [Hypothesis] = []
    private(set) var canImprove = true

    init(beams: Int) {
        size = beams
        running = (0..<beams).map { Hypothesis(score: $0 == 0 ? 0 : Self.impossible, tokens: []) }
    }

    /// Takes this step's top-2K candidates (best first); returns, for each new running beam, the beam it extends.
    mutating func advance(candidates: [BeamSearch.Candidate], stops: [Bool], length: Int, options o: SearchOptions)
        -> [Int]
    {
        let extended = candidates.map { Hypothesis(score: $0.score, tokens: running[$0.beam].tokens + [$0.token]) }
        // Running beams: the K best candidates, those that stopped pushed down by 1e9 (they may still fill in).
        var pushed = [(index: Int, score: Float)]()
        for index in candidates.indices {
            let penalty: Float = stops[index] ? Self.impossible : 0
            pushed.append((index, candidates[index].score + penalty))
        }
        let ranked = pushed.sorted { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }.prefix(size)
        running = ranked.map { Hypothesis(score: $0.score, tokens: extended[$0.index].tokens) }
        let parents = ranked.map { candidates[$0.index].beam }
        if canImprove {
            let penalty = Float(pow(Double(length), o.lengthPenalty))
            for index in 0..<min(size, candidates.count) where stops[index] {
                insertFinished(Hypothesis(score: candidates[index].score / penalty, tokens: extended[index].tokens))
            }
        }
        return parents
    }

    private mutating func insertFinished(_ hypothesis: Hypothesis) {
        let position = finished.firstIndex { $0.score < hypothesis.score } ?? finished.count
        finished.insert(hypothesis, at: position)
        if finished.count > size { finished.removeLast() }
    }

    /// After a step (`length` now counts the new token): freeze when every finished slot is taken and the best
    /// running beam, normalised at the current length, cannot beat the worst finished one.
    mutating func checkHeuristic(length: Int, options o: SearchOptions) {
        guard canImprove, finished.count == size else { return }
        let best = running[0].score / Float(pow(Double(length - 1), o.lengthPenalty))
        canImprove = best > finished[size - 1].score
    }

    /// The best finished hypothesis without its EOS (a running one if none finished, which max_length prevents).
    func best(eos: Int32) -> [Int32] {
        let tokens = (finished.first ?? running[0]).tokens
        return tokens.last == eos ? Array(tokens.dropLast()) : tokens
    }
}
