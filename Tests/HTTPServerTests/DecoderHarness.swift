// Feeds literal requests to a fresh HTTPDecoder, whole and split at every byte boundary, and summarises what
// came out as strings, so tests compare what the server would see regardless of how TCP chopped the bytes.
@testable import HTTPServer

enum DecoderHarness {
    static func summarize(_ events: [DecoderEvent]) -> [String] {
        events.map { event in
            switch event {
            case .continueExpected: return "continue"
            case .failure(let error): return "failure \(error.status.code) \(error.code)"
            case .request(let request):
                let body = String(decoding: request.body, as: UTF8.self)
                return "\(request.method.rawValue) \(request.target) body=\(body) keepAlive=\(request.keepAlive)"
            }
        }
    }

    static func decode(_ chunks: [[UInt8]], maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024) -> [String] {
        let decoder = HTTPDecoder(maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes)
        var events: [String] = []
        for chunk in chunks where !decoder.failed {
            events += summarize(chunk.withUnsafeBytes { decoder.feed($0) })
        }
        return events
    }

    /// The events for `text` fed whole, after checking that every two-piece split gives the same events.
    static func decodeAtEverySplit(
        _ text: String, maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024
    ) -> (whole: [String], mismatches: [Int]) {
        let bytes = Array(text.utf8)
        let whole = decode([bytes], maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes)
        var mismatches: [Int] = []
        for split in 1..<bytes.count {
            let pieces = [Array(bytes[..<split]), Array(bytes[split...])]
            if decode(pieces, maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes) != whole {
                mismatches.append(split)
            }
        }
        let byteAtATime = decode(bytes.map { [$0] }, maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes)
        if byteAtATime != whole { mismatches.append(-1) }
        return (whole, mismatches)
    }
}
