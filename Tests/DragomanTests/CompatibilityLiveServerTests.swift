// The ecosystem layer behind the real HTTP server on loopback, driven by curl: form bodies, rate limits keyed by
// the X-Forwarded-For client of a trusted proxy, 429 headers on the wire, and the Prometheus content type.
import Engines
import Foundation
import HTTPServer
import Logging
import TestSupport
import Testing

@testable import Dragoman

@Suite(.serialized) struct CompatibilityLiveServerTests {
    @Test func overTheWire() async throws {
        let folder = TemporaryDirectory("live")
        var configuration = Configuration()
        configuration.dataDir = folder.path
        configuration.server.host = "127.0.0.1"
        configuration.server.port = 0
        configuration.access.anonymousRequestsPerMinute = 2
        configuration.access.trustedProxies = ["127.0.0.1"]
        var logger = Logger(label: "dragoman.test")
        logger.logLevel = .warning
        let application = try await Application.make(
            configuration: configuration, engines: [ApertiumCommandEngine()], detector: ApertiumCommandDetector(),
            logger: logger)
        try await application.start()
        let layer = try await EcosystemLayer.make(application: application, access: configuration.access)
        let server = application.makeServer(responder: layer.responder(wrapping: application.responder))
        try await server.start()
        let base = "http://127.0.0.1:\(server.port)"

        let form = try curl(["-d", "q=Hello world&source=en&target=es", "-H", "X-Forwarded-For: 198.51.100.1",
                             base + "/translate"])
        #expect(form.status == 200 && form.body == #"{"translatedText":"Hola Mundo"}"#)
        #expect(form.headers["x-ratelimit-remaining"] == "1")
        _ = try curl(["-d", "q=Hi&source=en&target=es", "-H", "X-Forwarded-For: 198.51.100.1", base + "/translate"])
        let limited = try curl(["-d", "q=Hi&source=en&target=es", "-H", "X-Forwarded-For: 198.51.100.1",
                                base + "/translate"])
        #expect(limited.status == 429 && limited.body.hasPrefix(#"{"error":"Too many requests"#))
        // Wall-clock buckets refill while the test runs, so the wait is at most 30 s, not exactly.
        #expect(limited.headers["retry-after"].flatMap(Int.init).map { (1...30).contains($0) } == true)
        #expect(limited.headers["x-ratelimit-limit"] == "2" && limited.headers["x-ratelimit-remaining"] == "0")
        // Another client behind the same proxy has its own bucket.
        let other = try curl(["-d", "q=Hi&source=en&target=es", "-H", "X-Forwarded-For: 198.51.100.2",
                              base + "/translate"])
        #expect(other.status == 200)
        let metrics = try curl([base + "/metrics"])
        #expect(metrics.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(metrics.body.contains(#"dragoman_http_requests_total{route="/translate",method="POST",status="429"} 1"#))
        #expect(!metrics.body.contains("198.51.100"))

        await server.shutdown(grace: .seconds(2))
        await application.shutdown()
    }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// One request with curl: status line and headers from -i, body after the blank line.
    func curl(_ arguments: [String]) throws -> Reply {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-i", "--max-time", "30"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let lines = parts[0].components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
