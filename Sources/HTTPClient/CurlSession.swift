// One easy handle on its own serial executor: curl_easy_perform blocks for the whole transfer, so it runs on this
// actor's dispatch thread and never on Swift's cooperative pool. Transfers on one session run one after another
// and reuse its connections; `HTTPClient` spreads concurrent requests over several sessions.
import CCurl
import Executors

actor CurlSession {
    private let executor: DispatchQueueExecutor
    private let easy = CurlEasy()

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(label: String) {
        executor = DispatchQueueExecutor(label: label)
    }

    func perform(_ request: CurlRequest) throws(HTTPClientError) -> HTTPClientResponse {
        let transfer = CurlTransfer(
            file: request.destination?.descriptor, progress: request.progress, cancellation: request.cancellation)
        let headerList = CurlHeaderList(request.headerLines)
        // libcurl holds raw pointers to both during perform; keep them alive until it has returned.
        defer { extendLifetime(transfer); extendLifetime(headerList) }
        do {
            try configure(request, transfer: transfer, headers: headerList)
            try easy.perform()
        } catch {
            throw failure(error, request: request, transfer: transfer)
        }
        return HTTPClientResponse(
            url: request.url, status: easy.responseCode, headers: transfer.headers, body: transfer.body)
    }

    private func configure(_ request: CurlRequest, transfer: CurlTransfer, headers: CurlHeaderList) throws(CurlCode) {
        easy.reset()
        try easy.set(CURLOPT_URL, request.url)
        try configureMethod(request)
        try easy.set(headers: headers)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        try easy.set(CURLOPT_WRITEFUNCTION, callback: CurlCallbacks.body)
        try easy.set(CURLOPT_WRITEDATA, pointer: context)
        try easy.set(CURLOPT_HEADERFUNCTION, callback: CurlCallbacks.header)
        try easy.set(CURLOPT_HEADERDATA, pointer: context)
        try easy.set(progress: CurlCallbacks.progress)
        try easy.set(CURLOPT_XFERINFODATA, pointer: context)
        try easy.set(CURLOPT_NOPROGRESS, 0)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, 10_000)
        if let timeout = request.timeout { try easy.set(CURLOPT_TIMEOUT_MS, max(1, timeout.milliseconds)) }
        if let stall = request.stallTimeout {
            try easy.set(CURLOPT_LOW_SPEED_LIMIT, 1)
            try easy.set(CURLOPT_LOW_SPEED_TIME, max(1, stall.milliseconds / 1000))
        }
        if request.followRedirects {
            try easy.set(CURLOPT_FOLLOWLOCATION, 1)
            try easy.set(CURLOPT_MAXREDIRS, 10)
        }
        if request.resumeFrom > 0 { try easy.set(CURLOPT_RESUME_FROM_LARGE, offset: request.resumeFrom) }
    }

    private func configureMethod(_ request: CurlRequest) throws(CurlCode) {
        switch request.method {
        case .get: try easy.set(CURLOPT_HTTPGET, 1)
        case .head: try easy.set(CURLOPT_NOBODY, 1)
        case .post: try easy.set(CURLOPT_POST, 1)
        default: try easy.set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
        guard let body = request.body ?? (request.method == .post ? [] : nil) else { return }
        // POSTFIELDSIZE first, then COPYPOSTFIELDS copies exactly that many bytes (binary-safe), so the Swift
        // array need not outlive this call (CURLOPT_COPYPOSTFIELDS(3)).
        try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count))
        try easy.copyPostFields(body)
    }

    private func failure(_ error: CurlCode, request: CurlRequest, transfer: CurlTransfer) -> HTTPClientError {
        if transfer.wasCancelled { return .cancelled(url: request.url) }
        if let errno = transfer.fileError, let destination = request.destination {
            return .file(path: destination.path, operation: "write", errno: errno)
        }
        let detail = easy.lastErrorDetail
        return .transport(url: request.url, code: Int(error.code.rawValue), message: detail.isEmpty ? error.message : detail)
    }
}
