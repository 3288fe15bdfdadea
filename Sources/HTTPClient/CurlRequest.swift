// Everything a `CurlSession` needs to run one transfer, as a Sendable value that crosses onto its thread.
struct CurlRequest: Sendable {
    var method: HTTPMethod
    var url: String
    var headers: [(name: String, value: String)] = []
    var body: [UInt8]? = nil
    var timeout: Duration? = nil
    /// An open file descriptor that 2xx body bytes are appended to, with its path for error messages.
    var destination: (descriptor: Int32, path: String)? = nil
    var resumeFrom: Int64 = 0
    var followRedirects = false
    /// A download with no total timeout still fails if fewer than 1 byte/s arrive for this long.
    var stallTimeout: Duration? = nil
    var progress: (@Sendable (_ received: Int64, _ total: Int64) -> Void)? = nil
    var cancellation = CancellationFlag()

    /// Header lines for the slist. "Expect:" turns off libcurl's `Expect: 100-continue` on large bodies, which
    /// costs a round trip (or a 1 s wait) against servers that do not answer it early.
    var headerLines: [String] { headers.map { "\($0.name): \($0.value)" } + ["Expect:"] }
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
