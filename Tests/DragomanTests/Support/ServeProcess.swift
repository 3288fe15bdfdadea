// The built `dragoman serve` binary as a child process, for tests that must kill the process for real.
// The binary sits next to the test bundle (`swift build --build-tests` builds both).
import Foundation
import Glibc

final class ServeProcess: @unchecked Sendable {  // used from one test at a time; Process is thread-safe to signal
    let process = Process()
    let port: Int

    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dragoman")
    }

    init(config: String, dataDirectory: String, port: Int, arguments: [String] = []) throws {
        self.port = port
        process.executableURL = Self.binary
        process.arguments = ["serve", "--config", config, "--data-dir", dataDirectory, "--port", String(port),
                             "--host", "127.0.0.1"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Waits until /health answers (the server has bound and started).
    func waitUntilServing() async throws {
        let client = HTTPTestClient(baseURL: baseURL)
        for _ in 0..<600 {
            if let reply = try? await client.get("/health"), reply.status == 200 { return }
            guard process.isRunning else { throw ServeProcessError.exited(process.terminationStatus) }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServeProcessError.neverServed
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func terminate() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A port the kernel reports free now: bind to port 0, read it back, close.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                _ = bind(fd, socketAddress, length)
                _ = getsockname(fd, socketAddress, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

enum ServeProcessError: Error {
    case exited(Int32)
    case neverServed
}
