// One libexttextcat n-gram fingerprint (a language's from its `.lm` file, or a text's), owned by exactly one
// Swift value and freed in deinit. The library keeps no global state, but a handle is not safe to share between
// threads while in use, so fingerprints live inside the `LanguageClassifier` actor only.
import CTextCat

final class TextCatFingerprint {
    /// textcat's own limit (constants.h MAXNGRAMS): a language file holds its 400 most frequent n-grams.
    static let maximumNGrams: UInt32 = 400
    private let handle: UnsafeMutableRawPointer

    /// A language's fingerprint read from `path` (e.g. /usr/share/libexttextcat/en.lm); nil if unreadable.
    init?(language: String, path: String) {
        guard let handle = fp_Init(language) else { return nil }
        self.handle = handle
        fp_SetProperty(handle, TCPROP_UTF8AWARE, Int32(TC_TRUE.rawValue))
        guard fp_Read(handle, path, Int32(Self.maximumNGrams)) != 0 else { return nil }
    }

    /// The fingerprint of `text`; nil when the text has no n-gram at all (empty, only digits or punctuation).
    init?(text: String) {
        guard let handle = fp_Init(nil) else { return nil }
        self.handle = handle
        fp_SetProperty(handle, TCPROP_UTF8AWARE, Int32(TC_TRUE.rawValue))
        fp_SetProperty(handle, TCPROP_MINIMUM_DOCUMENT_SIZE, 1)
        var bytes = Array(text.utf8)
        bytes.append(0)
        let created = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { fp_Create(handle, $0.baseAddress, UInt32(text.utf8.count), Self.maximumNGrams) }
        }
        guard created != 0 else { return nil }
    }

    /// textcat's out-of-place distance from this (language) fingerprint to `text`'s: smaller is closer.
    func distance(to text: TextCatFingerprint) -> Int {
        Int(fp_Compare(handle, text.handle, Int32.max))
    }

    deinit { fp_Done(handle) }
}
