// libexttextcat's list of fingerprints (fpdb.conf: "en.lm  en--utf8"), as ISO 639 codes and file paths.
// The Debian package ships about 160 languages in /usr/share/libexttextcat.
import Foundation

struct TextCatDatabase: Sendable {
    static let defaultFolder = "/usr/share/libexttextcat"

    /// ISO code ("en", "zh") → fingerprint file path, first entry per code.
    let files: [String: String]

    init(folder: String = defaultFolder) throws(LanguageDetectionError) {
        let path = folder + "/fpdb.conf"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .unreadableConfiguration(path: path)
        }
        var files: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count >= 2, fields[0].hasSuffix(".lm") else { continue }
            // "en--utf8", "zh-CN-utf8", "pt-PT-utf8": the language is the part before the first "-".
            let code = String(fields[1].prefix { $0 != "-" })
            if files[code] == nil { files[code] = folder + "/" + fields[0] }
        }
        self.files = files
    }
}
