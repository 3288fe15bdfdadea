// The per-row transforms Hugging Face applies before choosing tokens, in its order: log-softmax (beam search
// only), then min-length (EOS masked), bad words (pad masked), forced EOS at the last step.

enum LogitsProcessing {
    /// log_softmax in float32 as torch computes it: x - max - log(sum(exp(x - max))).
    static func logSoftmax(_ row: inout ArraySlice<Float>) {
        guard let maximum = row.max() else { return }
        var sum: Float = 0
        for value in row { sum += expf(value - maximum) }
        let shift = maximum + logf(sum)
        for index in row.indices { row[index] -= shift }
    }

    /// Applies the masks for a sequence of `length` tokens (start token included) about to get its next token.
    static func mask(_ row: inout ArraySlice<Float>, length: Int, options o: SearchOptions) {
        let base = row.startIndex
        if length < o.minLength { row[base + Int(o.eosID)] = -.infinity }
        for id in o.badWordsIDs { row[base + Int(id)] = -.infinity }
        if let forced = o.forcedEOSID, length == o.maxLength - 1 {
            for index in row.indices { row[index] = -.infinity }
            row[base + Int(forced)] = 0
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
