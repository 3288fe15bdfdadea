// Resumable downloads: bytes go to `<file>.part`; a later call continues from its size with a Range request
// (CURLOPT_RESUME_FROM_LARGE), the digest is checked over the whole file, and only then is it renamed into place.
import CCurl
import Glibc

/// How far a download has come; `received` counts bytes already in the part file from earlier attempts.
public struct DownloadProgress: Sendable, Equatable {
    public var received: Int64
    public var total: Int64?
    public var resumedFrom: Int64

    public init(received: Int64, total: Int64?, resumedFrom: Int64) {
        self.received = received
        self.total = total
        self.resumedFrom = resumedFrom
    }
}

public struct DownloadResult: Sendable, Equatable {
    public var path: String
    public var bytes: Int64
    public var sha256: String
    /// Bytes that were already present from an earlier, interrupted attempt.
    public var resumedFrom: Int64

    public init(path: String, bytes: Int64, sha256: String, resumedFrom: Int64) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.resumedFrom = resumedFrom
    }
}

extension HTTPClient {
    /// Downloads `url` into `file`. With `resumeFrom` nil the download continues from whatever `<file>.part` holds;
    /// an offset keeps only that many bytes of it. A server that ignores Range gets the whole file again.
    /// `expectedSHA256` (lower-case hex) is checked before the rename; a mismatch removes the part file.
    public func download(
        url: String,
        to file: String,
        resumeFrom offset: Int64? = nil,
        headers: [(name: String, value: String)] = [],
        progress: (@Sendable (DownloadProgress) -> Void)? = nil,
        expectedSHA256: String? = nil
    ) async throws(HTTPClientError) -> DownloadResult {
        let part = DownloadFile.partPath(for: file)
        let existing = DownloadFile.size(part)
        var start = min(offset ?? existing, existing)
        if try await fetch(url, into: part, from: start, headers: headers, progress: progress) == .restartFromZero {
            start = 0
            _ = try await fetch(url, into: part, from: 0, headers: headers, progress: progress)
        }
        let digest = try DownloadFile.sha256(part)
        if let expectedSHA256, digest != expectedSHA256.lowercased() {
            DownloadFile.remove(part)
            throw .checksumMismatch(url: url, expected: expectedSHA256, actual: digest)
        }
        let bytes = DownloadFile.size(part)
        try DownloadFile.rename(part, to: file)
        return DownloadResult(path: file, bytes: bytes, sha256: digest, resumedFrom: start)
    }

    private enum FetchOutcome { case complete, restartFromZero }

    private func fetch(
        _ url: String, into part: String, from start: Int64, headers: [(name: String, value: String)],
        progress: (@Sendable (DownloadProgress) -> Void)?
    ) async throws(HTTPClientError) -> FetchOutcome {
        let descriptor = try DownloadFile.openForAppend(part, truncatingTo: start)
        defer { close(descriptor) }
        var request = CurlRequest(method: .get, url: url, headers: headers)
        request.destination = (descriptor, part)
        request.resumeFrom = start
        request.followRedirects = true
        request.stallTimeout = .seconds(60)
        if let progress {
            request.progress = { now, total in
                progress(DownloadProgress(received: start + now, total: total > 0 ? start + total : nil, resumedFrom: start))
            }
        }
        let response: HTTPClientResponse
        do {
            response = try await run(request)
        } catch .transport(_, let code, _) where start > 0 && code == Int(CURLE_RANGE_ERROR.rawValue) {
            return .restartFromZero  // the server answered 200 to our Range request: it cannot resume
        }
        return try outcome(of: response, start: start)
    }

    private func outcome(of response: HTTPClientResponse, start: Int64) throws(HTTPClientError) -> FetchOutcome {
        if response.status == 416 && start > 0 {
            // RFC 9110 §14.4: a 416 carries `Content-Range: bytes */<length>`. Equal to what we hold means the
            // part file is already whole; anything else means it is not a prefix we can trust.
            let length = response.header("Content-Range").flatMap { Int64($0.split(separator: "/").last ?? "") }
            return length == start ? .complete : .restartFromZero
        }
        _ = try response.checked()
        return .complete
    }
}
