// Pivot routes: computed from direct pairs, and a real translation through Spanish.
import Engines
import Testing

@Suite struct PivotRoutesTests {
    private let direct = [
        LanguagePair(source: "en", target: "es"), LanguagePair(source: "es", target: "pt"),
        LanguagePair(source: "es", target: "en"), LanguagePair(source: "en", target: "ca"),
        LanguagePair(source: "ca", target: "pt"),
    ]

    @Test func directPairsRouteDirectly() {
        let routes = PivotRoutes(direct: direct, pivot: true)
        #expect(routes.route(for: LanguagePair(source: "en", target: "es")) == ["en", "es"])
    }

    @Test func bridgesThroughTheAlphabeticallyFirstLanguage() {
        let routes = PivotRoutes(direct: direct, pivot: true)
        #expect(routes.route(for: LanguagePair(source: "en", target: "pt")) == ["en", "ca", "pt"])
        #expect(routes.route(for: LanguagePair(source: "en", target: "en")) == nil)
        #expect(routes.route(for: LanguagePair(source: "pt", target: "en")) == nil)
    }

    @Test func pivotCanBeSwitchedOff() {
        let routes = PivotRoutes(direct: direct, pivot: false)
        #expect(routes.route(for: LanguagePair(source: "en", target: "pt")) == nil)
        #expect(routes.pairs.count == direct.count)
    }

    @Test func apertiumTranslatesEnglishToPortugueseThroughSpanish() async throws {
        let engine = try makeEngine()
        let pair = LanguagePair(source: "en", target: "pt")
        #expect(await engine.route(for: pair) == ["en", "es", "pt"])
        #expect(await engine.pairs().contains(pair))
        #expect(try await engine.translate(["I have a dog."], pair: pair) == ["Tenho um cão."])
        #expect(await engine.version(for: pair).contains("apertium-es-pt"))
        await engine.shutdown()
    }
}
