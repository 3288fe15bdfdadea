// The common /api/translate answer (no detection, no pivot route) written straight to bytes: the same bytes
// JSONEncoder writes, at a fraction of its cost on the path every cached request takes.
import HTTPServer

extension TranslateResponse {
    /// The JSON body, or nil when `detected` or `route` is present (those go through JSONEncoder).
    func plainJSON() -> [UInt8]? {
        guard detected == nil, route == nil else { return nil }
        var json = JSONBytes()
        json.openObject()  // keys in sorted order, as JSONEncoder's .sortedKeys writes them
        json.key("cached")
        switch cached {
        case .one(let flag): json.bool(flag)
        case .many(let flags): json.list(flags) { $0.bool($1) }
        }
        json.key("engine")
        json.string(engine)
        json.key("source")
        json.string(source)
        json.key("target")
        json.string(target)
        json.key("translation")
        switch translation {
        case .one(let text): json.string(text)
        case .many(let texts): json.list(texts) { $0.string($1) }
        }
        json.closeObject()
        return json.bytes
    }
}
