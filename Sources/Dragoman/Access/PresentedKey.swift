// Where clients put their key. LibreTranslate clients send `api_key` in the JSON or form body (or the query);
// DeepL clients send `Authorization: DeepL-Auth-Key <key>`; others send `Authorization: Bearer` or `X-API-Key`.
import Foundation
import HTTPServer
import HTTPTypes

public enum PresentedKey {
    public static func find(in request: Request, body: RequestFields) -> String? {
        if let authorization = request.headers[.authorization] {
            for scheme in ["DeepL-Auth-Key ", "Bearer "] where authorization.hasPrefix(scheme) {
                return nonEmpty(String(authorization.dropFirst(scheme.count)))
            }
        }
        // X-Admin-Key is what the service's own admin endpoints document.
        for name in ["X-API-Key", "X-Admin-Key"] {
            if let header = HTTPField.Name(name), let value = request.headers[header] { return nonEmpty(value) }
        }
        return nonEmpty(request.query["api_key"] ?? request.query["auth_key"] ?? body.string("api_key") ?? body.string("auth_key"))
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
