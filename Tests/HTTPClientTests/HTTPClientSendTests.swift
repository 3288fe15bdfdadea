// HTTPClient.send against a real socket server on loopback: methods, bodies, statuses, refused connections.
import Foundation
import HTTPClient
import Testing
import TestSupport

@Suite struct HTTPClientSendTests {
    let folder = TemporaryDirectory("http-client")
    let server: LoopbackFileServer
    let client = HTTPClient(maxConcurrentTransfers: 2)

    init() throws {
        try Data("hello, file".utf8).write(to: folder.url.appendingPathComponent("greeting.txt"))
        server = try LoopbackFileServer(root: folder.path)
    }

    @Test func getReturnsStatusHeadersAndBody() async throws {
        let response = try await client.send(url: server.baseURL + "/greeting.txt")
        #expect(response.status == 200)
        #expect(response.bodyText == "hello, file")
        #expect(response.header("content-length") == "11")
    }

    @Test func postSendsABinaryBodyWhole() async throws {
        let body = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let response = try await client.send(method: .post, url: server.baseURL + "/echo", body: body)
        #expect(response.body == Array("POST\n".utf8) + body)
        #expect(server.requests.last?.body == body)
    }

    @Test func otherMethodsAreSentByName() async throws {
        let response = try await client.send(method: .delete, url: server.baseURL + "/echo")
        #expect(response.bodyText == "DELETE\n")
    }

    @Test func errorStatusIsReturnedThenCheckedWithItsBody() async throws {
        let response = try await client.send(url: server.baseURL + "/status/503")
        #expect(response.status == 503)
        #expect(throws: HTTPClientError.status(url: response.url, status: 503, body: response.body)) {
            try response.checked()
        }
        #expect(response.bodyText.contains("test_status"))
    }

    @Test func refusedConnectionCarriesURLCodeAndText() async throws {
        let closed = try LoopbackFileServer(root: folder.path)
        let url = closed.baseURL + "/x"
        closed.stop()
        let error = await #expect(throws: HTTPClientError.self) { try await client.send(url: url) }
        guard case .transport(let failedURL, let code, let message) = error else {
            Issue.record("expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(failedURL == url)
        #expect(code == 7)  // CURLE_COULDNT_CONNECT
        #expect(message.contains("\(closed.port)"))
        #expect(error?.isUnreachable == true)
    }

    @Test func concurrentRequestsAllComplete() async throws {
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await client.send(url: server.baseURL + "/greeting.txt").bodyText } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(bodies == Array(repeating: "hello, file", count: 8))
    }
}
