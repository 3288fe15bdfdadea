// Round trips through libxml2's HTML parser: what goes in comes out, except the prose we replace.
import Testing

@testable import HTMLText

@Suite struct HTMLDocumentTests {
    @Test(arguments: [
        "Hello <b>world</b>",
        "<p class=\"intro\" data-x=\"1\">Hello, <a href=\"/a?b=1&amp;c=2\">friend</a>!</p>",
        "<ul><li>One</li><li>Two</li></ul>",
        "Tom &amp; Jerry &lt;3",
        "<p>Text<br>after a break</p><!-- a comment --><img src=\"x.png\" alt=\"logo\">",
        "<div><script>var a = \"<b>not prose</b>\";</script><style>p{color:red}</style>Prose</div>",
    ])
    func unchangedTextsRoundTrip(html: String) throws {
        let document = try HTMLDocument(parsing: html)
        try document.replaceTexts(document.texts)
        #expect(document.serialized() == html)
    }

    /// libxml2 writes every attribute value in double quotes; the value itself is kept.
    @Test func singleQuotedAttributesComeBackDoubleQuoted() throws {
        let document = try HTMLDocument(parsing: "<p data-x='1' title='a \"b\"'>Hi</p>")
        #expect(document.serialized() == "<p data-x=\"1\" title='a \"b\"'>Hi</p>")
    }

    @Test func collectsOnlyProseInDocumentOrder() throws {
        let html = "<p>Hello <b>big</b> world</p><script>x()</script><code>let a</code><span translate=\"no\">Brand</span> "
        #expect(try HTMLDocument(parsing: html).texts == ["Hello ", "big", " world"])
    }

    @Test func replacementIsEscapedSoItCannotInjectMarkup() throws {
        let document = try HTMLDocument(parsing: "<p>Hi</p>")
        try document.replaceTexts(["<script>alert(1)</script> & co"])
        #expect(document.serialized() == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>")
    }

    @Test func wholeDocumentKeepsDoctypeHeadAndBody() throws {
        let html = "<!DOCTYPE html>\n<html><head><title>Title</title></head><body><p>Body text</p></body></html>\n"
        let document = try HTMLDocument(parsing: html)
        #expect(document.texts == ["Title", "Body text"])
        try document.replaceTexts(["Título", "Texto"])
        #expect(document.serialized().contains("<title>Título</title>"))
        #expect(document.serialized().contains("<body><p>Texto</p></body>"))
        #expect(document.serialized().hasPrefix("<!DOCTYPE html>"))
    }

    @Test func wrongNumberOfReplacementsIsAnError() throws {
        let document = try HTMLDocument(parsing: "<p>a</p><p>b</p>")
        #expect(throws: HTMLTextError.countMismatch(expected: 2, got: 1)) { try document.replaceTexts(["x"]) }
    }

    @Test func brokenMarkupIsRecoveredNotRejected() throws {
        let document = try HTMLDocument(parsing: "<p>Unclosed <b>bold</p> tail")
        #expect(document.texts == ["Unclosed ", "bold", " tail"])
    }
}
