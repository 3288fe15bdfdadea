// This folder's and its siblings' middleware, as the HTTP server's Middleware protocol.
import HTTPServer

extension AccessMiddleware: Middleware {}
extension MetricsMiddleware: Middleware {}
extension CompatibilityErrorMiddleware: Middleware {}
