// Discovers the installed translation directions from Apertium's mode files (`eng-spa.mode`, `es-pt.mode`).
// Only plain `xxx-yyy` modes count: variants (`eng-cat_valencia`, `es-pt_BR`), debug and extra modes
// (`eco-es-fr`, `eng-spa-morph`) are skipped. Runs once at engine start.
import Foundation

struct ApertiumMode: Sendable, Equatable {
    /// The direction in ISO 639-1 codes.
    var pair: LanguagePair
    /// "eng-spa"
    var name: String
    var file: String
    /// Debian packages whose data the mode's programs read ("apertium-eng-spa"), for the version.
    var packages: [String]

    static func discover(in directory: String) -> [ApertiumMode] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var modes: [LanguagePair: ApertiumMode] = [:]
        for file in files.sorted() where file.hasSuffix(".mode") {
            guard let mode = parse(file: file, directory: directory), modes[mode.pair] == nil else { continue }
            modes[mode.pair] = mode
        }
        return modes.values.sorted { $0.pair.description < $1.pair.description }
    }

    static func parse(file: String, directory: String) -> ApertiumMode? {
        let name = String(file.dropLast(".mode".count))
        let codes = name.split(separator: "-", omittingEmptySubsequences: false)
        guard codes.count == 2, codes.allSatisfy(isLanguageCode) else { return nil }
        let pair = LanguagePair(
            source: LanguageCodes.iso(fromApertium: String(codes[0])),
            target: LanguageCodes.iso(fromApertium: String(codes[1])))
        let path = directory + "/" + file
        let chain = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return ApertiumMode(pair: pair, name: name, file: path, packages: dataPackages(in: chain))
    }

    private static func isLanguageCode(_ code: Substring) -> Bool {
        (2...3).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    /// Data folders are named after their package: `/usr/share/apertium/apertium-eng-spa/eng-spa.automorf.bin`.
    private static func dataPackages(in chain: String) -> [String] {
        var packages: [String] = []
        for word in chain.split(whereSeparator: { $0 == " " || $0 == "'" || $0 == "\"" }) {
            for component in word.split(separator: "/") where component.hasPrefix("apertium-") && !component.contains(".") {
                let package = String(component)
                if !packages.contains(package) { packages.append(package) }
            }
        }
        return packages
    }
}
