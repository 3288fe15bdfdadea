// `dragoman models pull NAME`: fetches a Hugging Face model directory file by file from
// `<base>/<name>/resolve/main/<file>` (the Hub's download path) with resumable, checksummed downloads into
// `<models-dir>/hf/<org>--<name>/`. The file list comes from `<base>/api/models/<name>` when the server offers it,
// otherwise it is the set a Marian (OPUS-MT) directory has; optional files that are missing are skipped.
import Foundation
import HTTPClient

struct ModelPuller {
    /// Files a Marian directory needs, and those it may have. Weights: safetensors, else the PyTorch pickle.
    static let required = ["config.json", "source.spm", "target.spm", "vocab.json"]
    static let optional = ["generation_config.json", "tokenizer_config.json"]
    static let weights = ["model.safetensors", "pytorch_model.bin"]

    let client: HTTPClient
    let baseURL: String
    let console: Console

    static func folderName(_ model: String) -> String { model.replacingOccurrences(of: "/", with: "--") }

    /// Downloads every file of `model` into `folder`; `checksums` maps file names to expected SHA-256 (hex).
    func pull(_ model: String, into folder: String, files explicit: [String], checksums: [String: String]) async throws(CLIFailure) {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .local("cannot create \(folder): \(error.localizedDescription)")
        }
        let listed = explicit.isEmpty ? await listing(model) : explicit
        if let listed {
            for file in listed { _ = try await fetch(model, file, into: folder, checksum: checksums[file], mandatory: true) }
            return
        }
        for file in Self.required + Self.optional {
            _ = try await fetch(model, file, into: folder, checksum: checksums[file], mandatory: Self.required.contains(file))
        }
        let (safetensors, pickle) = (Self.weights[0], Self.weights[1])
        if try await !fetch(model, safetensors, into: folder, checksum: checksums[safetensors], mandatory: false) {
            _ = try await fetch(model, pickle, into: folder, checksum: checksums[pickle], mandatory: true)
        }
    }

    /// The repository's file names from the Hub API, or nil when the server has no such API.
    private func listing(_ model: String) async -> [String]? {
        struct Info: Decodable {
            struct Sibling: Decodable { var rfilename: String }
            var siblings: [Sibling]
        }
        guard let response = try? await client.send(url: "\(baseURL)/api/models/\(model)"), response.isSuccess,
              let info = try? JSONDecoder().decode(Info.self, from: Data(response.body)) else { return nil }
        let relevant = Set(Self.required + Self.optional + Self.weights)
        let names = info.siblings.map(\.rfilename).filter(relevant.contains)
        // Prefer safetensors: the converter reads it without torch.
        return names.contains("model.safetensors") ? names.filter { $0 != "pytorch_model.bin" } : names
    }

    /// True when the file is now in the folder; false when an optional file does not exist upstream.
    private func fetch(
        _ model: String, _ file: String, into folder: String, checksum: String?, mandatory: Bool
    ) async throws(CLIFailure) -> Bool {
        let url = "\(baseURL)/\(model)/resolve/main/\(file)"
        let destination = (folder as NSString).appendingPathComponent(file)
        if FileManager.default.fileExists(atPath: destination) && checksum == nil {
            console.error("\(file): already downloaded\n")
            return true
        }
        let display = ProgressDisplay(label: file, total: nil, unit: .bytes, isTerminal: console.isTerminal, write: console.error)
        do {
            let result = try await client.download(url: url, to: destination, progress: { progress in
                display.update(done: progress.received, total: progress.total)
            }, expectedSHA256: checksum)
            display.finish()
            if result.resumedFrom > 0 { console.error("\(file): resumed at \(ProgressFormat.bytes(result.resumedFrom))\n") }
            return true
        } catch .status(_, 404, _) where !mandatory {
            display.finish()
            return false
        } catch {
            display.finish()
            throw Self.failure(error, file: file)
        }
    }

    static func failure(_ error: HTTPClientError, file: String) -> CLIFailure {
        switch error {
        case .status(let url, let status, let body):
            .server(status: status, code: nil, message: "\(file) from \(url)", body: String(decoding: body.prefix(500), as: UTF8.self))
        case .transport(let url, _, let message): .unreachable(url: url, message)
        case .cancelled: .interrupted("interrupted; run the same command again to resume the download of \(file)")
        case .checksumMismatch, .file: .local(error.description)
        }
    }
}
