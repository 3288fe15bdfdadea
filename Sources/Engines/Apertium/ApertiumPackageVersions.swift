// The installed versions of Apertium's Debian packages, read once at engine start with one dpkg-query, so a
// translation's cache key changes when a pair's data is upgraded. Without dpkg (another distribution) a mode
// file's modification time stands in.
import Foundation

enum ApertiumPackageVersions {
    /// "apertium-eng-spa" → "0.8.1-2" for every installed package whose name starts with "apertium".
    static func installed() -> [String: String] {
        let query = Process()
        query.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        query.arguments = ["dpkg-query", "-W", "-f", "${Package} ${Version}\\n", "apertium*"]
        let output = Pipe()
        query.standardOutput = output
        query.standardError = FileHandle.nullDevice
        guard (try? query.run()) != nil else { return [:] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        query.waitUntilExit()
        var versions: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2 { versions[String(fields[0])] = String(fields[1]) }
        }
        return versions
    }

    /// "apertium 3.8.3-1+b2, apertium-eng-spa 0.8.1-2" for a mode, or its file's mtime when dpkg knows nothing.
    static func version(of mode: ApertiumMode, installed: [String: String]) -> String {
        let packages = (["apertium"] + mode.packages).compactMap { name in installed[name].map { "\(name) \($0)" } }
        if packages.count > 1 { return packages.joined(separator: ", ") }
        let modified = (try? FileManager.default.attributesOfItem(atPath: mode.file)[.modificationDate]) as? Date
        return "\(mode.name) \(Int(modified?.timeIntervalSince1970 ?? 0))"
    }
}
