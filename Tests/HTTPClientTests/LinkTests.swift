import HTTPClient
import Testing

@Test func libcurlIsLinked() { #expect(CurlLibrary.version.hasPrefix("libcurl/")) }
