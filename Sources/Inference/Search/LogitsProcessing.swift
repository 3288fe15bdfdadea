// The per-row transforms Hugging Face applies before choosing tokens, in its order: log-softmax (beam search
// only), then min-length (EOS masked), bad words (pad masked), forced EOS at the last step.
import CKernels

enum LogitsProcessing {
    /// log_softmax in float32 as torch computes it: x - max - log(sum(exp(x - max))).
    static func logSoftmax(_ row: inout ArraySlice<Float>) {
        guard let shift = scalarShift(row) else { return }
        for index in row.indices { row[index] -= shift }
    }

    /// What `logSoftmax` subtracts from every value (max + log Σ exp(x − max)), so beam search can read rows in
    /// place instead of copying 4·vocabulary bytes per hypothesis. With CKernels the exp is an 8-lane polynomial
    /// (≈ 2 ulp, as torch's own vectorised exp), so the shift matches the scalar one to float rounding.
    static func logSoftmaxShift(_ row: UnsafeBufferPointer<Float>) -> Float {
        if CPUKernels.available, let base = row.baseAddress { return dragoman_log_sum_exp(base, Int64(row.count)) }
        return scalarShift(row) ?? 0
    }

    /// max + log Σ exp(x − max) with glibc's expf, in index order; nil for an empty row.
    private static func scalarShift(_ row: some Collection<Float>) -> Float? {
        guard let maximum = row.max() else { return nil }
        var sum: Float = 0
        for value in row { sum += expf(value - maximum) }
        return maximum + logf(sum)
    }

    /// Whether `mask` sets token `id` to -inf (the forced-EOS step aside: see `forcedToken`).
    static func isMasked(_ id: Int, length: Int, options o: SearchOptions) -> Bool {
        (length < o.minLength && id == Int(o.eosID)) || o.badWordsIDs.contains(Int32(id))
    }

    /// The token `mask` leaves as the only finite one (log-probability 0) at this length, if any.
    static func forcedToken(length: Int, options o: SearchOptions) -> Int32? {
        length == o.maxLength - 1 ? o.forcedEOSID : nil
    }

    /// Applies the masks for a sequence of `length` tokens (start token included) about to get its next token.
    static func mask(_ row: inout ArraySlice<Float>, length: Int, options o: SearchOptions) {
        let base = row.startIndex
        if length < o.minLength { row[base + Int(o.eosID)] = -.infinity }
        for id in o.badWordsIDs { row[base + Int(id)] = -.infinity }
        if let forced = forcedToken(length: length, options: o) {
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
