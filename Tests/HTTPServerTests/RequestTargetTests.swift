import Testing
@testable import HTTPServer

@Suite struct RequestTargetTests {
    @Test func percentDecodesPathAndQuery() throws {
        let target = try RequestTarget("/api/a%20b/%C3%A9?q=caf%C3%A9+au+lait&x=1%2B1&empty=&flag")
        #expect(target.path == "/api/a b/é")
        #expect(target.segments == ["api", "a b", "é"])
        #expect(target.query == ["q": "café au lait", "x": "1+1", "empty": "", "flag": ""])
    }

    @Test func plusIsLiteralInThePath() throws {
        #expect(try RequestTarget("/a+b").path == "/a+b")
    }

    @Test func absoluteFormKeepsThePath() throws {
        let target = try RequestTarget("http://example.com:8080/health?x=1")
        #expect(target.path == "/health")
        #expect(target.query == ["x": "1"])
    }

    @Test(arguments: ["/a%zz", "/a%4", "/%FF", "/ok?q=%C3"])
    func malformedEscapesAreRefused(_ raw: String) {
        #expect(throws: HTTPError.self) { try RequestTarget(raw) }
    }
}
