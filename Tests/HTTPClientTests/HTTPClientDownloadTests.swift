// HTTPClient.download: whole files, checksums, resuming after a cut connection, servers without ranges,
// cancellation. The server cuts bodies on request, a fault a well-behaved server never produces by itself.
import Foundation
import HTTPClient
import Synchronization
import Testing
import TestSupport

@Suite struct HTTPClientDownloadTests {
    let folder = TemporaryDirectory("download")
    let server: LoopbackFileServer
    let client = HTTPClient()
    let payload = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 251) }

    init() throws {
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("served"), withIntermediateDirectories: true)
        try Data(payload).write(to: folder.url.appendingPathComponent("served/model.bin"))
        server = try LoopbackFileServer(root: folder.file("served"))
    }

    var url: String { server.baseURL + "/model.bin" }
    var target: String { folder.file("model.bin") }
    var digest: String { sha256Hex(payload) }

    @Test func downloadsWholeFileReportsProgressAndChecksum() async throws {
        let last = Mutex<DownloadProgress?>(nil)
        let result = try await client.download(
            url: url, to: target, progress: { progress in last.withLock { $0 = progress } }, expectedSHA256: digest)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(payload))
        #expect(result == DownloadResult(path: target, bytes: Int64(payload.count), sha256: digest, resumedFrom: 0))
        #expect(last.withLock { $0 }?.received == Int64(payload.count))
        #expect(!FileManager.default.fileExists(atPath: target + ".part"))
    }

    @Test func cutDownloadLeavesPartFileAndResumesWithRange() async throws {
        server.truncateNext("/model.bin", afterBytes: 300_000)
        await #expect(throws: HTTPClientError.self) { try await client.download(url: url, to: target) }
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try Data(contentsOf: URL(fileURLWithPath: target + ".part")).count == 300_000)

        let result = try await client.download(url: url, to: target, expectedSHA256: digest)
        #expect(result.resumedFrom == 300_000)
        #expect(server.requests.last?.range == "bytes=300000-")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(payload))
    }

    @Test func serverWithoutRangesGetsTheWholeFileAgain() async throws {
        try Data(payload.prefix(1000)).write(to: URL(fileURLWithPath: target + ".part"))
        server.ignoreRanges()
        let result = try await client.download(url: url, to: target, expectedSHA256: digest)
        #expect(result.resumedFrom == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(payload))
    }

    @Test func completePartFileIsAcceptedOn416() async throws {
        try Data(payload).write(to: URL(fileURLWithPath: target + ".part"))
        let result = try await client.download(url: url, to: target, expectedSHA256: digest)
        #expect(result.resumedFrom == Int64(payload.count))
        #expect(server.requests.count == 1)
    }

    @Test func checksumMismatchRemovesEverything() async throws {
        let wrong = String(repeating: "0", count: 64)
        await #expect(throws: HTTPClientError.checksumMismatch(url: url, expected: wrong, actual: digest)) {
            try await client.download(url: url, to: target, expectedSHA256: wrong)
        }
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(!FileManager.default.fileExists(atPath: target + ".part"))
    }

    @Test func missingFileIsAStatusErrorAndWritesNothing() async throws {
        await #expect(throws: HTTPClientError.status(url: server.baseURL + "/none", status: 404, body: Array("not found".utf8))) {
            try await client.download(url: server.baseURL + "/none", to: target)
        }
        #expect(DownloadFileSize.of(target + ".part") == 0)
    }

    @Test func cancellingTheTaskAbortsAStalledTransfer() async throws {
        let hang = server.baseURL + "/hang"
        let download = Task { try await client.download(url: hang, to: target) }
        while !server.requests.contains(where: { $0.path == "/hang" }) { try await Task.sleep(for: .milliseconds(10)) }
        download.cancel()
        await #expect(throws: HTTPClientError.cancelled(url: hang)) { try await download.value }
    }
}

enum DownloadFileSize {
    static func of(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
