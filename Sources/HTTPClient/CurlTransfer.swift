// The Swift side of one running transfer: what libcurl's callbacks deliver (status lines, header fields, body
// bytes) lands here, either in memory or appended to an open file. Callbacks reach it through the userdata
// pointer; the transfer outlives curl_easy_perform because the session holds it for the whole call.
import CCurl
import Glibc

final class CurlTransfer {
    private(set) var body: [UInt8] = []
    private(set) var headers: [(name: String, value: String)] = []
    /// The status of the latest response head; redirects and `100 Continue` each bring their own.
    private(set) var status = 0
    private(set) var fileError: Int32?
    private(set) var wasCancelled = false
    private let file: Int32?
    private let progress: (@Sendable (_ received: Int64, _ total: Int64) -> Void)?
    private let cancellation: CancellationFlag

    init(file: Int32?, progress: (@Sendable (Int64, Int64) -> Void)?, cancellation: CancellationFlag) {
        self.file = file
        self.progress = progress
        self.cancellation = cancellation
    }

    /// Body bytes go to the file only for a 2xx response: an error page must never land in a download.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let file, (200..<300).contains(status) else {
            body.append(contentsOf: bytes)
            return true
        }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(file, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                fileError = errno
                return false
            }
            offset += written
        }
        return true
    }

    /// One raw header line as libcurl hands it over, CRLF included.
    func receiveHeader(_ line: String) {
        var trimmed = Substring(line)
        while let last = trimmed.last, last.isNewline { trimmed.removeLast() }  // "\r\n" is one Character
        if trimmed.hasPrefix("HTTP/") {
            headers.removeAll()
            let parts = trimmed.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        } else if let colon = trimmed.firstIndex(of: ":") {
            let name = String(trimmed[..<colon])
            let value = trimmed[trimmed.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.append((name, String(value)))
        }
    }

    /// Returns false to make libcurl abort the transfer with CURLE_ABORTED_BY_CALLBACK.
    func report(received: Int64, total: Int64) -> Bool {
        if cancellation.isRaised {
            wasCancelled = true
            return false
        }
        if (200..<300).contains(status) { progress?(received, total) }
        return true
    }
}

/// The C entry points libcurl calls; each one recovers the `CurlTransfer` from its userdata pointer.
enum CurlCallbacks {
    static let body: ccurl_data_callback = { data, size, count, context in
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
        let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
        return transfer.receive(bytes) ? size * count : 0
    }

    static let header: ccurl_data_callback = { data, size, count, context in
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
        let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
        transfer.receiveHeader(String(decoding: bytes, as: UTF8.self))
        return size * count
    }

    static let progress: ccurl_progress_callback = { context, downloadTotal, downloaded, _, _ in
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
        return transfer.report(received: Int64(downloaded), total: Int64(downloadTotal)) ? 0 : 1
    }
}
