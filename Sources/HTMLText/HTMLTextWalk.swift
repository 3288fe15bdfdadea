// Which text nodes of an HTML tree are prose to translate: everything but script/style/code-like content,
// elements marked `translate="no"` (HTML's own attribute for this), and nodes that hold only spaces or punctuation.
import CLibXML2

enum HTMLTextWalk {
    /// Elements whose text is not prose (or must stay byte-identical for the page to work).
    static let skippedElements: Set<String> = ["script", "style", "code", "kbd", "samp", "var", "textarea", "noscript"]

    static func collect(from root: xmlNodePtr?, into nodes: inout [xmlNodePtr]) {
        var child = root
        while let node = child {
            visit(node, into: &nodes)
            // Only the wrapper/root chain is walked at the top; siblings of a document's root are comments/PIs.
            child = node.pointee.next
        }
    }

    private static func visit(_ node: xmlNodePtr, into nodes: inout [xmlNodePtr]) {
        switch node.pointee.type {
        case XML_TEXT_NODE:
            if let content = node.pointee.content, hasLetters(content) { nodes.append(node) }
        case XML_ELEMENT_NODE:
            guard !skippedElements.contains(name(of: node)), !isMarkedUntranslatable(node) else { return }
            var child = node.pointee.children
            while let current = child {
                visit(current, into: &nodes)
                child = current.pointee.next
            }
        default:
            return
        }
    }

    static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    private static func isMarkedUntranslatable(_ node: xmlNodePtr) -> Bool {
        // xmlHasProp reads the attribute in place; xmlGetProp would copy it and need `xmlFree`, a global
        // function-pointer variable that Swift 6 cannot touch safely.
        guard let attribute = xmlHasProp(node, "translate"), let text = attribute.pointee.children?.pointee.content
        else { return false }
        return String(cString: text).lowercased() == "no"
    }

    private static func hasLetters(_ content: UnsafePointer<xmlChar>) -> Bool {
        String(cString: content).unicodeScalars.contains { $0.properties.isAlphabetic }
    }
}
