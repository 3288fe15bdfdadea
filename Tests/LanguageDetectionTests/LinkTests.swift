import LanguageDetection
import Testing

@Test func exttextcatIsLinked() { #expect(TextCatLibrary.version.hasPrefix("3.")) }
