// Detection over libexttextcat's real fingerprints, restricted to the languages Apertium translates from here.
import LanguageDetection
import Testing

private let translatable: Set<String> = ["en", "es", "ca", "fr", "pt"]

@Suite struct LanguageDetectorTests {
    @Test(arguments: [
        ("en", "The weather is lovely today and we are going to walk along the river."),
        ("es", "El tiempo es estupendo hoy y vamos a pasear por la orilla del río."),
        ("ca", "El temps és molt bo avui i anirem a passejar per la vora del riu."),
        ("fr", "Il fait très beau aujourd'hui et nous allons nous promener le long de la rivière."),
        ("pt", "O tempo está ótimo hoje e nós vamos passear pela margem do rio."),
    ])
    func picksTheLanguageOfARealSentence(language: String, sentence: String) async throws {
        let detector = try LanguageDetector(languages: translatable)
        let found = await detector.detect(sentence)
        #expect(found.first?.language == language)
        #expect(found.count == 3)
        #expect(found.map(\.confidence) == found.map(\.confidence).sorted(by: >))
        #expect(found.allSatisfy { (0...1).contains($0.confidence) })
    }

    @Test func shortTextGetsALowConfidenceGuess() async throws {
        let detector = try LanguageDetector(languages: translatable)
        let found = await detector.detect("ok", limit: 1)
        #expect(found.count == 1)
        #expect(try #require(found.first).confidence < 0.5)
    }

    @Test func textWithoutLettersDoesNotCrash() async throws {
        let detector = try LanguageDetector(languages: translatable)
        for text in ["", "   ", "12345 !!!", "😀😀"] { #expect(await detector.detect(text).count <= 3) }
    }

    @Test func withoutARestrictionEveryLanguageIsACandidate() async throws {
        let detector = try LanguageDetector()
        #expect(detector.languages.count > 100)
        let found = await detector.detect("Der Hund schläft heute den ganzen Tag auf dem warmen Sofa.", limit: 1)
        #expect(found.first?.language == "de")
    }

    @Test func unknownLanguagesAreRejected() {
        #expect(throws: LanguageDetectionError.noLanguages(requested: ["xx"])) {
            try LanguageDetector(languages: ["xx"])
        }
    }
}
