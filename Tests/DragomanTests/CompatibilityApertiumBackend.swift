// A CompatibilityBackend over the real `apertium` command (eng-spa, spa-eng), for testing the compatible APIs
// without the service: translations are Apertium's own. Detection asks both directions how many words they do
// not know (`*word` marks): the language with fewer unknown words is the text's language.
import Engines
import Foundation

@testable import Dragoman

struct ApertiumCommandBackend: CompatibilityBackend {
    static let modes = ["en-es": "eng-spa", "es-en": "spa-eng"]

    var limits = CompatibilityLimits(maxTexts: 50, maxCharacters: 5_000)

    func languagePairs() async -> [LanguagePair] {
        [LanguagePair(source: "en", target: "es"), LanguagePair(source: "es", target: "en")]
    }

    func languageName(_ code: String) -> String { ["en": "English", "es": "Spanish"][code] ?? code }

    func translate(_ texts: [String], pair: LanguagePair) async throws -> [String] {
        guard let mode = Self.modes[pair.description] else { throw EngineError.unsupportedPair(pair) }
        return try texts.map { try Self.run(mode: mode, text: $0, markUnknown: false) }
    }

    func detect(_ text: String) async throws -> [LanguageGuess] {
        let words = max(1, text.split(whereSeparator: \.isWhitespace).count)
        let guesses = try [("en", "eng-spa"), ("es", "spa-eng")].map { language, mode in
            let unknown = try Self.run(mode: mode, text: text, markUnknown: true).filter { $0 == "*" }.count
            return LanguageGuess(language: language, confidence: max(0, 1 - Double(unknown) / Double(words)))
        }
        return guesses.sorted { $0.confidence > $1.confidence }
    }

    static func run(mode: String, text: String, markUnknown: Bool) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/apertium")
        process.arguments = (markUnknown ? [] : ["-u"]) + [mode]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
