// The Swift side of Scripts/bench-marian: translates pre-tokenised sources (one line of space-separated ids per
// sentence) with a fixed output length and prints one JSON line: tokens generated, seconds, peak RSS.
// Not a product: the benchmark script builds and runs it; nothing else depends on it.
import Foundation
import Inference

struct BenchArguments {
    var model = ""
    var input = ""
    var beams = 1
    var threads = 1
    var batch = 32
    var length = 64
    var kernel = LinearKernel.preferred

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next(), let value = iterator.next() {
            switch flag {
            case "--model": model = value
            case "--input": input = value
            case "--beams": beams = Int(value)!
            case "--threads": threads = Int(value)!
            case "--batch": batch = Int(value)!
            case "--length": length = Int(value)!
            case "--kernel": kernel = LinearKernel(rawValue: value)!
            default: fatalError("unknown flag \(flag)")
            }
        }
    }
}

/// Peak resident set size (VmHWM) in MiB, from /proc/self/status.
func peakRSSMiB() -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

let arguments = BenchArguments(CommandLine.arguments)
let model = try MarianModel(path: arguments.model)
// Sorted by length before batching, as CTranslate2's translate_batch does, so batches carry little padding.
let sources = try String(contentsOfFile: arguments.input, encoding: .utf8).split(separator: "\n")
    .map { $0.split(separator: " ").map { Int32($0)! } }.sorted { $0.count < $1.count }
let state = MarianState(model: model, threads: arguments.threads, linearKernel: arguments.kernel)
var options = SearchOptions(model: model.hyperparameters)
options.beams = arguments.beams
// Fixed length: EOS is masked until `length` tokens are out, then forced (max_length counts the start token).
options.maxLength = arguments.length + 1
options.minLength = arguments.length
let start = Date()
var tokens = 0
for first in stride(from: 0, to: sources.count, by: arguments.batch) {
    let batch = Array(sources[first..<min(first + arguments.batch, sources.count)])
    let outputs = arguments.beams == 1
        ? try GreedySearch.run(state, sources: batch, options: options)
        : try BeamSearch.run(state, sources: batch, options: options)
    tokens += outputs.reduce(0) { $0 + $1.count + 1 }  // + the EOS each one ends with
}
let seconds = Date().timeIntervalSince(start)
print("{\"tokens\": \(tokens), \"seconds\": \(seconds), \"peak_rss_mib\": \(peakRSSMiB())}")
