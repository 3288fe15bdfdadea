// Translations made through Dragoman's own POST /api/translate, read from the request and the JSON answer, so the
// service needs no metrics hook: texts not served from the cache count as translated, by engine and pair.
// Costs two small JSON decodes per successful /api/translate; other paths are untouched.
import Foundation
import HTTPServer

enum APITranslationMetrics {
    private struct Sent: Decodable {
        var text: Many<String>
    }

    private struct Answered: Decodable {
        var engine: String
        var source: String
        var target: String
        var cached: Many<Bool>
    }

    /// One value or a list of them, as /api/translate accepts and answers.
    private struct Many<Value: Decodable>: Decodable {
        var values: [Value]
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([Value].self) {
                values = list
            } else {
                values = [try container.decode(Value.self)]
            }
        }
    }

    static func record(_ request: Request, _ response: Response, into metrics: DragomanMetrics) {
        guard request.path == "/api/translate", response.status == .ok,
            let sent = try? JSONDecoder().decode(Sent.self, from: Data(request.body)),
            let answered = try? JSONDecoder().decode(Answered.self, from: Data(response.body))
        else { return }
        let fresh = zip(sent.text.values, answered.cached.values).filter { !$0.1 }.map(\.0)
        guard !fresh.isEmpty else { return }
        metrics.recordTranslation(
            engine: answered.engine, source: answered.source, target: answered.target, texts: fresh.count,
            characters: fresh.reduce(0) { $0 + $1.count })
    }
}
