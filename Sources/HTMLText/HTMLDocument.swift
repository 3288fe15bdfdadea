// One parsed HTML document or fragment: the single owner of its libxml2 `htmlDocPtr`, freed in deinit.
// Workload: a request body of a few KB parsed once or twice per request; text nodes are read out, replaced in place
// and the tree is serialized back, so tags, attributes, comments and structure come out as they went in.
import CLibXML2

public final class HTMLDocument {
    private let document: htmlDocPtr
    /// Fragments are parsed inside a wrapper element, so leading text is not pushed into an implied `<p>`;
    /// only the wrapper's children are serialized.
    private let wrapper: xmlNodePtr?

    /// Parses `html` leniently (libxml2's RECOVER mode), like a browser would; never fetches anything (NONET).
    public init(parsing html: String) throws(HTMLTextError) {
        let isDocument = HTMLDocument.looksLikeDocument(html)
        let source = isDocument ? html : "<\(Self.wrapperName)>\(html)</\(Self.wrapperName)>"
        var options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        options |= Int32(HTML_PARSE_NONET.rawValue)
        if !isDocument { options |= Int32(HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_NODEFDTD.rawValue) }
        let bytes = Array(source.utf8)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let parsed else { throw HTMLTextError.unparsable(bytes: bytes.count) }
        self.document = parsed
        self.wrapper = isDocument ? nil : HTMLDocument.findWrapper(in: parsed)
        if !isDocument && wrapper == nil {
            xmlFreeDoc(parsed)
            throw HTMLTextError.unparsable(bytes: bytes.count)
        }
    }

    deinit { xmlFreeDoc(document) }

    /// The translatable text nodes in document order, copied into Swift strings.
    public var texts: [String] {
        textNodes.map { String(cString: $0.pointee.content) }
    }

    /// Replaces the translatable text nodes, in the order `texts` returned them.
    public func replaceTexts(_ replacements: [String]) throws(HTMLTextError) {
        let nodes = textNodes
        guard nodes.count == replacements.count else {
            throw HTMLTextError.countMismatch(expected: nodes.count, got: replacements.count)
        }
        // On a text node xmlNodeSetContent stores the bytes as they are (no entity parsing), and the serializer
        // escapes `&`, `<` and `>` on output, so a translation can never inject markup.
        for (node, text) in zip(nodes, replacements) { xmlNodeSetContent(node, text) }
    }

    /// The document (or the fragment's nodes) serialized as HTML in UTF-8, without added indentation
    /// (format 0: `htmlNodeDump` would add newlines between block elements, changing whitespace text).
    public func serialized() -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        // The output buffer writes into `buffer` and is closed (not freeing `buffer`) before we read it.
        guard let output = xmlOutputBufferCreateBuffer(buffer, nil) else { return "" }
        if let wrapper {
            var child = wrapper.pointee.children
            while let node = child {
                htmlNodeDumpFormatOutput(output, document, node, "UTF-8", 0)
                child = node.pointee.next
            }
        } else {
            htmlDocContentDumpFormatOutput(output, document, "UTF-8", 0)
        }
        xmlOutputBufferClose(output)
        return String(cString: xmlBufferContent(buffer))
    }

    private var textNodes: [xmlNodePtr] {
        var nodes: [xmlNodePtr] = []
        HTMLTextWalk.collect(from: wrapper ?? xmlDocGetRootElement(document), into: &nodes)
        return nodes
    }

    static let wrapperName = "dragoman-fragment"

    private static func looksLikeDocument(_ html: String) -> Bool {
        let head = html.prefix(512).lowercased()
        return head.contains("<html") || head.contains("<!doctype")
    }

    private static func findWrapper(in document: htmlDocPtr) -> xmlNodePtr? {
        var node = xmlDocGetRootElement(document)
        while let current = node {
            if HTMLTextWalk.name(of: current) == wrapperName { return current }
            node = current.pointee.next
        }
        return nil
    }
}
