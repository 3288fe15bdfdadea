// One libcurl easy handle and the error buffer libcurl writes its detailed messages into. It is used by one
// `CurlSession` at a time, on that session's own thread; curl_easy_reset between transfers keeps the handle's
// connection cache, so consecutive requests to one server reuse the TCP connection (curl_easy_reset(3)).
import CCurl

/// A libcurl result code that is not CURLE_OK, with the text libcurl gives for it.
struct CurlCode: Error {
    let code: CURLcode
    var message: String { String(cString: curl_easy_strerror(code)) }
}

final class CurlEasy {
    private let handle: UnsafeMutableRawPointer  // CURL is `void` in curl.h
    /// CURLOPT_ERRORBUFFER must stay valid as long as the handle uses it and hold CURL_ERROR_SIZE bytes.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() {
        CurlGlobal.ensureInitialised()
        guard let handle = curl_easy_init() else { preconditionFailure("curl_easy_init returned NULL") }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        configureDefaults()
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Forgets every option of the previous transfer but keeps live connections and the DNS cache.
    func reset() {
        curl_easy_reset(handle)
        errorBuffer[0] = 0
        configureDefaults()
    }

    private func configureDefaults() {
        _ = ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        // Without NOSIGNAL libcurl uses SIGALRM for DNS timeouts, which is unsafe with several threads
        // (CURLOPT_NOSIGNAL(3)).
        _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
    }

    func set(_ option: CURLoption, _ value: Int) throws(CurlCode) {
        try check(ccurl_setopt_long(handle, option, value))
    }

    func set(_ option: CURLoption, _ value: String) throws(CurlCode) {
        try check(ccurl_setopt_string(handle, option, value))  // libcurl copies strings (curl_easy_setopt(3))
    }

    func set(_ option: CURLoption, offset value: Int64) throws(CurlCode) {
        try check(ccurl_setopt_offset(handle, option, curl_off_t(value)))
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(CurlCode) {
        try check(ccurl_setopt_pointer(handle, option, value))
    }

    func set(headers list: CurlHeaderList) throws(CurlCode) {
        try check(ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, list.pointer))
    }

    func set(_ option: CURLoption, callback: ccurl_data_callback) throws(CurlCode) {
        try check(ccurl_setopt_data_callback(handle, option, callback))
    }

    func set(progress callback: ccurl_progress_callback) throws(CurlCode) {
        try check(ccurl_setopt_progress_callback(handle, callback))
    }

    /// The request body, copied by libcurl before this returns (CURLOPT_COPYPOSTFIELDS(3)).
    func copyPostFields(_ body: [UInt8]) throws(CurlCode) {
        guard !body.isEmpty else { return try set(CURLOPT_COPYPOSTFIELDS, "") }
        var bytes = body
        let code = bytes.withUnsafeMutableBytes { ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }
        try check(code)
    }

    /// Runs the transfer; blocks the calling thread until it ends.
    func perform() throws(CurlCode) { try check(curl_easy_perform(handle)) }

    var responseCode: Int {
        var code = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// libcurl's message for the last failure, more precise than curl_easy_strerror (it names host and port).
    var lastErrorDetail: String { String(cString: errorBuffer) }

    private func check(_ code: CURLcode) throws(CurlCode) {
        guard code == CURLE_OK else { throw CurlCode(code: code) }
    }
}
