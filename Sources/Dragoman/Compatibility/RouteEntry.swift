// One route this folder's endpoints add: the service's router registers each (method, path, responder), so the
// compatibility and observability endpoints need nothing from the router but the Responder protocol.
import HTTPServer
import HTTPTypes

public struct RouteEntry: Sendable {
    public var method: HTTPRequest.Method
    public var path: String
    public var responder: any Responder

    public init(method: HTTPRequest.Method, path: String, responder: any Responder) {
        self.method = method
        self.path = path
        self.responder = responder
    }
}
