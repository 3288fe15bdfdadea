// Finds where a request's head (request line + headers) ends, counting its bytes against the header limit and
// rejecting obsolete line folding, which http_parser accepts but RFC 9112 section 5.2 says a server must reject
// or replace; folding is a classic request-smuggling vector, so we reject it. It runs before http_parser sees
// the bytes, so the decoder can stop feeding the parser exactly at the end of the head.
struct HeadScanner {
    enum Outcome: Equatable {
        /// Every byte given belongs to the head, and the head is not finished yet.
        case needMore
        /// The head ends after this many of the given bytes.
        case complete(Int)
        case tooLarge
        case obsoleteFold
    }

    let limit: Int
    private(set) var count = 0
    private var lineLength = 0
    private var sawRequestLine = false

    init(limit: Int) { self.limit = limit }

    mutating func reset() {
        count = 0
        lineLength = 0
        sawRequestLine = false
    }

    mutating func scan(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        for (index, byte) in bytes.enumerated() {
            count += 1
            if count > limit { return .tooLarge }
            switch byte {
            case UInt8(ascii: "\n"):
                if lineLength == 0 {
                    // An empty line ends the head; before the request line, RFC 9112 section 2.2 lets us skip it.
                    if sawRequestLine { return .complete(index + 1) }
                } else {
                    sawRequestLine = true
                    lineLength = 0
                }
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                if lineLength == 0 && sawRequestLine { return .obsoleteFold }
                lineLength += 1
            default:
                lineLength += 1
            }
        }
        return .needMore
    }
}
