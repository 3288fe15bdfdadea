// The steps of a translation: validation, planning (engine pair check, detection for "auto"), the cache lookup,
// the queue for the misses, and the cache write of what the engine produced.
import Cache
import Engines
import Jobs

extension TranslationService {
    func validate(_ texts: [String], limit: Int) throws(ServiceError) {
        guard !texts.isEmpty else { throw .emptyText(index: nil) }
        guard texts.count <= limit else { throw .tooManyTexts(count: texts.count, limit: limit) }
        let single = texts.count == 1
        for (index, text) in texts.enumerated() {
            guard !text.allSatisfy(\.isWhitespace) else { throw .emptyText(index: single ? nil : index) }
            let length = text.count
            guard length <= limits.maxTextLength else {
                throw .textTooLong(index: single ? nil : index, length: length, limit: limits.maxTextLength)
            }
        }
    }

    func plan(_ texts: [String], source: String, target: String, engine: any TranslationEngine)
        async throws(ServiceError) -> [PlannedItem]
    {
        // A handful of pairs: a linear search beats hashing them into a Set on every request.
        let pairs = await engine.pairs()
        var plan: [PlannedItem] = []
        for (index, text) in texts.enumerated() {
            var detection: Detection?
            var from = source
            if source == "auto" {
                let sources = Set(pairs.filter { $0.target == target }.map(\.source))
                guard let best = await detector?.detect(text, limit: 8).first(where: { sources.contains($0.language) })
                else { throw .detectionFailed(index: texts.count == 1 ? nil : index) }
                detection = best
                from = best.language
            }
            let pair = LanguagePair(source: from, target: target)
            guard pairs.contains(pair) else { throw .unsupportedPair("\(from)→\(target)", engine: engine.name) }
            let route = await (engine as? any RoutingEngine)?.route(for: pair)
            plan.append(PlannedItem(text: text, pair: pair, detection: detection, route: route.flatMap { $0.count > 2 ? $0 : nil }))
        }
        return plan
    }

    /// Cache first, then the queue for the misses, grouped by pair. Throws only when the queue refuses.
    func run(_ plan: [PlannedItem], engine: any TranslationEngine, priority: JobPriority)
        async throws(ServiceError) -> [Result<TranslatedItem, ItemFailure>]
    {
        var versions: [LanguagePair: String] = [:]
        for pair in Set(plan.map(\.pair)) { versions[pair] = await engine.version(for: pair) }
        let keys = plan.map {
            CacheKey(engine: engine.name, engineVersion: versions[$0.pair]!, source: $0.pair.source,
                     target: $0.pair.target, text: $0.text)
        }
        let hits = await cache?.get(keys) ?? Array(repeating: nil, count: keys.count)
        var results = [Result<TranslatedItem, ItemFailure>?](repeating: nil, count: plan.count)
        var misses: [WorkGroup: [Int]] = [:]
        for index in plan.indices {
            if let hit = hits[index] {
                results[index] = .success(TranslatedItem(translation: hit.translation, cached: true))
            } else {
                let pair = plan[index].pair
                misses[WorkGroup(engine: engine.name, version: versions[pair]!, pair: pair), default: []].append(index)
            }
        }
        for (group, indices) in misses {
            let outcomes = try await submit(indices.map { plan[$0].text }, group: group, priority: priority)
            var fresh: [(key: CacheKey, value: CachedTranslation)] = []
            for (index, outcome) in zip(indices, outcomes) {
                switch outcome {
                case .success(let translation):
                    results[index] = .success(TranslatedItem(translation: translation, cached: false))
                    fresh.append((keys[index], CachedTranslation(translation: translation, engineVersion: group.version)))
                case .failure(let failure):
                    results[index] = .failure(failure.itemFailure)
                }
            }
            tally.add(engine: group.engine, pair: group.pair, texts: fresh.map(\.key.text))
            await cache?.set(fresh)
        }
        return results.map { $0! }
    }

    private func submit(_ texts: [String], group: WorkGroup, priority: JobPriority)
        async throws(ServiceError) -> [Result<String, JobFailure>]
    {
        do {
            return try await queue.submit(texts, group: group, priority: priority)
        } catch {
            switch error {
            case .full(_, _, _, let retryAfter): throw .queueFull(retryAfter: retryAfter)
            case .closed: throw .shuttingDown
            }
        }
    }
}
