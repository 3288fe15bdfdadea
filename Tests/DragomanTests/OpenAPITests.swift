// The OpenAPI document is well formed, every $ref resolves, and the documented routes are exactly the routes
// served. The service's own /api/* routes are compared once its route table is wired in (see ServiceRoutesTests).
import Foundation
import HTTPServer
import Testing

@testable import Dragoman

@Suite struct OpenAPITests {
    let document = OpenAPIDocument.document(version: "test")

    @Test func isOpenAPI31WithEveryRefResolving() throws {
        #expect(document["openapi"] == "3.1.0")
        let schemas = try #require(document["components"]?["schemas"])
        var missing: [String] = []
        collectRefs(in: document) { name in if schemas[name] == nil { missing.append(name) } }
        #expect(missing.isEmpty)
    }

    @Test func everyOperationHasASuccessResponseAndUniqueID() {
        var ids: Set<String> = []
        for operation in OpenAPIDocument.operations {
            let responses = operation.body["responses"]?.objectKeys ?? []
            #expect(responses.contains { $0.hasPrefix("2") }, "\(operation.method) \(operation.path)")
            if case .string(let id) = operation.body["operationId"] { #expect(ids.insert(id).inserted) }
        }
    }

    @Test func compatibleAndObservabilityRoutesAreExactlyTheDocumentedOnes() throws {
        let backend = ApertiumCommandBackend()
        let served = CompatibilityRoutes.all(
            libreTranslate: LibreTranslateAPI(backend: backend, settings: .init()),
            deepL: DeepLAPI(backend: backend, access: nil))
            + ObservabilityRoutes.all(metrics: DragomanMetrics(), readiness: Readiness(checks: []), version: "t")
        let servedSet = Set(served.map { "\($0.method.rawValue) \($0.path)" })
        let documented = Set((OpenAPIDocument.compatibleOperations + OpenAPIDocument.operationsOperations)
            .filter { $0.path != "/health" }.map { "\($0.method) \($0.path)" })
        #expect(servedSet == documented)
    }

    @Test func servedDocumentIsValidJSON() async throws {
        let routes = ObservabilityRoutes.all(metrics: DragomanMetrics(), readiness: Readiness(checks: []), version: "t")
        let route = try #require(routes.first { $0.path == "/openapi.json" })
        let response = try await route.responder.respond(to: Request(method: .get, path: "/openapi.json"))
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        #expect((object?["paths"] as? [String: Any])?["/v2/translate"] != nil)
    }

    private func collectRefs(in value: OpenAPIValue, _ found: (String) -> Void) {
        switch value {
        case .object(let object):
            if case .string(let ref) = object["$ref"] { found(String(ref.split(separator: "/").last ?? "")) }
            for child in object.values { collectRefs(in: child, found) }
        case .array(let items):
            for item in items { collectRefs(in: item, found) }
        default: break
        }
    }
}

@Suite struct ReadinessTests {
    @Test func readyOnlyWhenEveryCheckPasses() async throws {
        let ready = Readiness(checks: [{ nil }, { nil }])
        #expect(try await ready.respond(to: Request(method: .get, path: "/ready")).status == .ok)
        let notReady = Readiness(checks: [{ nil }, { "engine apertium: no pairs loaded" }])
        let response = try await notReady.respond(to: Request(method: .get, path: "/ready"))
        #expect(response.status == .serviceUnavailable)
        #expect(String(decoding: response.body, as: UTF8.self).contains("engine apertium: no pairs loaded"))
    }
}
