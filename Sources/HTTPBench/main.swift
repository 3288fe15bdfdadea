// A tiny server for Scripts/bench-http: GET /health with a fixed small JSON body, served by HTTPServer with
// production defaults. It exists because `dragoman serve` does not yet; the script prefers that when present.
// Usage: HTTPBench [port]. Access-log lines are info level and off here, as nginx's access_log is in the bench.
import HTTPServer
import Logging

var configuration = ServerConfiguration()
configuration.port = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 8080
var logger = Logger(label: "dragoman.bench")
logger.logLevel = .notice

let body = Array(#"{"status":"ok"}"#.utf8)
var router = Router()
router.get("/health") { _ in .json(bytes: body) }

let server = HTTPServer(configuration: configuration, responder: router, logger: logger)
try await server.runUntilSignalled(grace: .seconds(5))
