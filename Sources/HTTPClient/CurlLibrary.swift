// Facts about the linked libcurl, for /health and the link test.
import CCurl

public enum CurlLibrary {
    public static var version: String { String(cString: curl_version()) }
}
