// The decoder on literal requests, each split at every byte boundary: framing, pipelining, limits, and the
// request-smuggling shapes that must be refused.
import Testing
@testable import HTTPServer

@Suite struct HTTPDecoderTests {
    func expectDecoded(_ text: String, _ expected: [String], maxHeaderBytes: Int = 16 * 1024,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let (whole, mismatches) = DecoderHarness.decodeAtEverySplit(text, maxHeaderBytes: maxHeaderBytes)
        #expect(whole == expected, sourceLocation: sourceLocation)
        #expect(mismatches.isEmpty, "splits giving other events: \(mismatches)", sourceLocation: sourceLocation)
    }

    @Test func simpleGet() {
        expectDecoded("GET /health HTTP/1.1\r\nHost: x\r\n\r\n", ["GET /health body= keepAlive=true"])
    }

    @Test func http10ClosesUnlessKeepAlive() {
        expectDecoded("GET / HTTP/1.0\r\n\r\n", ["GET / body= keepAlive=false"])
        expectDecoded("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", ["GET / body= keepAlive=true"])
        expectDecoded("GET / HTTP/1.1\r\nConnection: close\r\n\r\n", ["GET / body= keepAlive=false"])
    }

    @Test func contentLengthBody() {
        expectDecoded("POST /t HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", ["POST /t body=hello keepAlive=true"])
    }

    @Test func chunkedBody() {
        let text = "POST /t HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n"
        expectDecoded(text, ["POST /t body=hello world keepAlive=true"])
    }

    @Test func pipelinedRequestsComeOutInOrder() {
        let text = "GET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nhiGET /c HTTP/1.1\r\n\r\n"
        expectDecoded(text, ["GET /a body= keepAlive=true", "POST /b body=hi keepAlive=true", "GET /c body= keepAlive=true"])
    }

    @Test func leadingEmptyLinesAreSkipped() {
        expectDecoded("\r\nGET / HTTP/1.1\r\n\r\n", ["GET / body= keepAlive=true"])
    }

    @Test func expectContinue() {
        let text = "POST /t HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok"
        expectDecoded(text, ["continue", "POST /t body=ok keepAlive=true"])
    }

    @Test func headersOverTheLimitAre431() {
        let text = "GET / HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 200))\r\n\r\n"
        expectDecoded(text, ["failure 431 header_too_large"], maxHeaderBytes: 100)
    }

    @Test func announcedBodyOverTheLimitIs413() {
        expectDecoded("POST / HTTP/1.1\r\nContent-Length: 2000\r\n\r\n", ["failure 413 payload_too_large"])
    }

    @Test func chunkedBodyOverTheLimitIs413() {
        let chunk = String(repeating: "x", count: 600)
        let text = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n"
        expectDecoded(text, ["failure 413 payload_too_large"])
    }

    @Test(arguments: [
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
        "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: identity\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 1 2\r\n\r\n",
        "GET / HTTP/1.1\r\nX-A: 1\r\n folded\r\n\r\n",
        "GET / HTTP/1.1\r\n\tX-A: 1\r\n\r\n",
        "GET / HTTP/1.1\r\nBad Header: 1\r\n\r\n",
        "GET /\u{01} HTTP/1.1\r\n\r\n",
        "CONNECT example.com:443 HTTP/1.1\r\n\r\n",
        "GET / HTTP/9.9\r\n\r\n",
    ])
    func smugglingShapesAre400(_ text: String) {
        let (whole, mismatches) = DecoderHarness.decodeAtEverySplit(text)
        #expect(whole.last == "failure 400 bad_request", "\(whole)")
        #expect(!whole.contains { $0.hasPrefix("POST") || $0.hasPrefix("GET") })
        #expect(mismatches.isEmpty, "splits giving other events: \(mismatches)")
    }

    @Test func nothingIsDecodedAfterAFailure() {
        let events = DecoderHarness.decode([Array("GET / HTTP/1.1\r\nX: 1\r\n y\r\n\r\nGET / HTTP/1.1\r\n\r\n".utf8)])
        #expect(events == ["failure 400 bad_request"])
    }
}
