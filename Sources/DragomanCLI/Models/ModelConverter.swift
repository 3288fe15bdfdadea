// Runs Scripts/convert-marian (the only code that knows the Hugging Face layout) with the project's Python.
// The script is found beside the project: from `--converter`, then upward from the working directory, then
// upward from the executable (`.build/debug/dragoman` lives two levels below the project root).
import Foundation

struct ModelConverter {
    let script: String

    static func locate(explicit: String?) throws(CLIFailure) -> ModelConverter {
        if let explicit { return ModelConverter(script: explicit) }
        let starts = [FileManager.default.currentDirectoryPath, (CommandLine.arguments[0] as NSString).deletingLastPathComponent]
        for start in starts {
            var directory = URL(fileURLWithPath: start).standardizedFileURL
            while directory.path != "/" {
                let candidate = directory.appendingPathComponent("Scripts/convert-marian").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return ModelConverter(script: candidate) }
                directory.deleteLastPathComponent()
            }
        }
        throw .usage("cannot find Scripts/convert-marian; pass --converter PATH or run from the project folder")
    }

    /// The project's `.venv/bin/python` when there is one (it has numpy, safetensors and gguf), else python3.
    var python: String {
        let root = URL(fileURLWithPath: script).deletingLastPathComponent().deletingLastPathComponent()
        let venv = root.appendingPathComponent(".venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/python3"
    }

    func convert(_ folder: String, to output: String, type: String, console: Console) throws(CLIFailure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, folder, output, "--type", type]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { throw .local("cannot run \(python) \(script): \(error.localizedDescription)") }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        console.error(text)
        guard process.terminationStatus == 0 else {
            throw .input("conversion of \(folder) failed (exit \(process.terminationStatus))")
        }
    }
}
