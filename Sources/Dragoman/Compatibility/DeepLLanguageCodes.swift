// DeepL's language codes against ours: DeepL uses upper case and regional variants for a few targets
// (EN-GB/EN-US, PT-BR/PT-PT); our engines translate into the language, so every variant maps to its base code.

enum DeepLLanguageCodes {
    /// Regional target variants DeepL lists instead of the bare code.
    static let targetVariants: [String: [String]] = ["en": ["EN-GB", "EN-US"], "pt": ["PT-BR", "PT-PT"]]

    /// "ES" → "es", "EN-GB" → "en", "pt-br" → "pt"; nil for something that is not a language code.
    static func ours(from code: String) -> String? {
        let base = code.split(separator: "-").first.map { $0.lowercased() } ?? ""
        guard (2...3).contains(base.count), base.allSatisfy(\.isLetter) else { return nil }
        return base
    }

    static func theirs(source code: String) -> String { code.uppercased() }

    static func theirs(target code: String) -> [String] { targetVariants[code] ?? [code.uppercased()] }
}
