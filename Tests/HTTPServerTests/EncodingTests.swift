import Foundation
import Testing
@testable import HTTPServer

@Suite struct EncodingTests {
    @Test func dateIsIMFFixdate() {
        #expect(String(decoding: HTTPDate.format(784_111_777), as: UTF8.self) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }

    @Test func gzipRoundTrips() throws {
        let body = Array(String(repeating: "Dragoman translates. ", count: 200).utf8)
        let compressed = try Gzip.compress(body)
        #expect(compressed.count < body.count)
        #expect(try Gzip.decompress(compressed) == body)
    }

    @Test(arguments: [("gzip", true), ("deflate, gzip;q=0.5", true), ("gzip;q=0", false), ("br", false),
                      ("*", true), ("identity", false), ("GZIP", true), ("gzip; q=0.0", false)])
    func acceptEncoding(_ header: String, _ accepted: Bool) {
        #expect(Gzip.isAccepted(by: header) == accepted)
    }

    @Test func encoderOwnsFramingHeaders() {
        var response = Response.text("hi")
        response.headers[.contentLength] = "999"
        response.headers[.connection] = "upgrade"
        let text = String(decoding: ResponseEncoder.encode(response, keepAlive: true), as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\nDate: "))
        #expect(text.hasSuffix("\r\nConnection: keep-alive\r\n\r\nhi"))
        #expect(!text.contains("999") && !text.contains("upgrade"))
    }

    @Test func configurationDecodesSnakeCaseWithDefaults() throws {
        let json = #"{"port": 9000, "max_body_bytes": 2048, "header_read_timeout_seconds": 0.5}"#
        let configuration = try JSONDecoder().decode(ServerConfiguration.self, from: Data(json.utf8))
        var expected = ServerConfiguration()
        expected.port = 9000
        expected.maxBodyBytes = 2048
        expected.headerReadTimeoutSeconds = 0.5
        #expect(configuration == expected)
        let roundTrip = try JSONDecoder().decode(ServerConfiguration.self, from: JSONEncoder().encode(expected))
        #expect(roundTrip == expected)
    }
}
