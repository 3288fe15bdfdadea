// libcurl's process-wide initialisation, done exactly once before the first easy handle exists.
// curl_global_init is not thread-safe (curl_global_init(3)); a Swift global `let` is initialised lazily under
// swift_once, so every first use from any thread waits for the one call.
import CCurl

enum CurlGlobal {
    /// The result of the one `curl_global_init` call; read it to make sure the call happened.
    static let initialisation: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    static func ensureInitialised() {
        precondition(initialisation == CURLE_OK, "curl_global_init failed: \(initialisation.rawValue)")
    }
}
