// A `curl_slist` of request header lines, owned by one value and freed with it. libcurl reads the list during
// curl_easy_perform and does not copy it (CURLOPT_HTTPHEADER(3)), so the list must outlive the transfer.
import CCurl

final class CurlHeaderList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init(_ lines: [String]) {
        for line in lines {
            // curl_slist_append copies the string; on allocation failure it returns NULL and leaves the list alone.
            guard let appended = curl_slist_append(pointer, line) else { preconditionFailure("curl_slist_append: out of memory") }
            pointer = appended
        }
    }

    deinit { curl_slist_free_all(pointer) }
}
