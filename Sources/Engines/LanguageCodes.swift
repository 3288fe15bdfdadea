// ISO 639-1 codes (what clients send: "en", "es") to and from Apertium's codes (what mode files are named by:
// "eng-spa", but also older two-letter pairs such as "es-pt" and "fr-es"), with English names for /api/languages.
// A small fixed table: Apertium's Debian packages cover a few dozen languages, and an unknown code passes through as is.

public enum LanguageCodes {
    public struct Entry: Sendable, Equatable {
        public var iso: String
        public var apertium: String
        public var name: String
    }

    public static let entries: [Entry] = [
        Entry(iso: "en", apertium: "eng", name: "English"), Entry(iso: "es", apertium: "spa", name: "Spanish"),
        Entry(iso: "ca", apertium: "cat", name: "Catalan"), Entry(iso: "fr", apertium: "fra", name: "French"),
        Entry(iso: "pt", apertium: "por", name: "Portuguese"), Entry(iso: "gl", apertium: "glg", name: "Galician"),
        Entry(iso: "it", apertium: "ita", name: "Italian"), Entry(iso: "oc", apertium: "oci", name: "Occitan"),
        Entry(iso: "eu", apertium: "eus", name: "Basque"), Entry(iso: "ro", apertium: "ron", name: "Romanian"),
        Entry(iso: "an", apertium: "arg", name: "Aragonese"), Entry(iso: "ast", apertium: "ast", name: "Asturian"),
        Entry(iso: "eo", apertium: "epo", name: "Esperanto"), Entry(iso: "de", apertium: "deu", name: "German"),
        Entry(iso: "nl", apertium: "nld", name: "Dutch"), Entry(iso: "af", apertium: "afr", name: "Afrikaans"),
        Entry(iso: "is", apertium: "isl", name: "Icelandic"), Entry(iso: "sv", apertium: "swe", name: "Swedish"),
        Entry(iso: "da", apertium: "dan", name: "Danish"), Entry(iso: "nb", apertium: "nob", name: "Norwegian Bokmål"),
        Entry(iso: "nn", apertium: "nno", name: "Norwegian Nynorsk"), Entry(iso: "cy", apertium: "cym", name: "Welsh"),
        Entry(iso: "br", apertium: "bre", name: "Breton"), Entry(iso: "ga", apertium: "gle", name: "Irish"),
        Entry(iso: "mt", apertium: "mlt", name: "Maltese"), Entry(iso: "ar", apertium: "ara", name: "Arabic"),
        Entry(iso: "kk", apertium: "kaz", name: "Kazakh"), Entry(iso: "tt", apertium: "tat", name: "Tatar"),
        Entry(iso: "ru", apertium: "rus", name: "Russian"), Entry(iso: "uk", apertium: "ukr", name: "Ukrainian"),
        Entry(iso: "bg", apertium: "bul", name: "Bulgarian"), Entry(iso: "mk", apertium: "mkd", name: "Macedonian"),
        Entry(iso: "sh", apertium: "hbs", name: "Serbo-Croatian"), Entry(iso: "sl", apertium: "slv", name: "Slovenian"),
        Entry(iso: "id", apertium: "ind", name: "Indonesian"), Entry(iso: "ms", apertium: "msa", name: "Malay"),
        Entry(iso: "hi", apertium: "hin", name: "Hindi"), Entry(iso: "ur", apertium: "urd", name: "Urdu"),
        Entry(iso: "sc", apertium: "srd", name: "Sardinian"), Entry(iso: "se", apertium: "sme", name: "Northern Sami"),
    ]

    private static let byApertium: [String: Entry] = {
        var table: [String: Entry] = [:]
        for entry in entries {
            table[entry.apertium] = entry
            table[entry.iso] = table[entry.iso] ?? entry  // two-letter pairs ("es-pt") name languages by ISO code
        }
        table["fre"] = table["fra"]  // bibliographic ISO 639-2 spellings seen in older pairs
        table["ger"] = table["deu"]
        return table
    }()

    private static let byISO: [String: Entry] = Dictionary(entries.map { ($0.iso, $0) }, uniquingKeysWith: { a, _ in a })

    /// "eng" → "en", "es" → "es"; a code not in the table comes back unchanged.
    public static func iso(fromApertium code: String) -> String { byApertium[code]?.iso ?? code }

    /// "en" → "eng"; a code not in the table comes back unchanged.
    public static func apertium(fromISO code: String) -> String { byISO[code]?.apertium ?? code }

    /// "en" → "English"; nil for a code not in the table.
    public static func name(ofISO code: String) -> String? { byISO[code]?.name }
}
