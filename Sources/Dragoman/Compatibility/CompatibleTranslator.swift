// The translation both compatible APIs share: each text's own source language when asked to detect (LibreTranslate
// detects once per batch and copies it to every item, a known complaint), texts grouped by source so each group is
// one backend call, and HTML translated through its text nodes only.
import Engines
import HTMLText

struct CompatibleTranslator: Sendable {
    let backend: any CompatibilityBackend

    struct Item: Sendable {
        var text: String
        var source: String
        var detected: LanguageGuess?
    }

    /// Translates `texts` into `target`; `source` nil means detect each text's language.
    func translate(_ texts: [String], source: String?, target: String, html: Bool) async throws -> [Item] {
        let pairs = await backend.languagePairs()
        var items: [Item] = []
        for text in texts {
            if let source {
                items.append(Item(text: text, source: source, detected: nil))
            } else {
                let guess = try await detect(text, html: html, into: target, pairs: pairs)
                items.append(Item(text: text, source: guess.language, detected: guess))
            }
        }
        return try await translateGrouped(items, target: target, html: html)
    }

    /// The best guess among languages that can be translated into `target` (or are `target` already).
    func detect(_ text: String, html: Bool, into target: String?, pairs: [LanguagePair]) async throws -> LanguageGuess {
        let plain = html ? ((try? HTMLTranslation.texts(in: text))?.joined(separator: " ") ?? text) : text
        let guesses = try await backend.detect(plain)
        let usable = guesses.first { guess in
            guard let target else { return true }
            return guess.language == target || pairs.contains(LanguagePair(source: guess.language, target: target))
        }
        return usable ?? guesses.first ?? LanguageGuess(language: "en", confidence: 0)
    }

    private func translateGrouped(_ items: [Item], target: String, html: Bool) async throws -> [Item] {
        var result = items
        let groups = Dictionary(grouping: items.indices, by: { items[$0].source })
        for (source, indices) in groups.sorted(by: { $0.key < $1.key }) where source != target {
            let pair = LanguagePair(source: source, target: target)
            let texts = indices.map { items[$0].text }
            let translated = html ? try await translateHTML(texts, pair: pair) : try await backend.translate(texts, pair: pair)
            for (index, text) in zip(indices, translated) { result[index].text = text }
        }
        return result
    }

    /// Each document's text nodes go to the backend as one batch.
    private func translateHTML(_ documents: [String], pair: LanguagePair) async throws -> [String] {
        var output: [String] = []
        for document in documents {
            output.append(try await HTMLTranslation.translate(document) { try await backend.translate($0, pair: pair) })
        }
        return output
    }
}
