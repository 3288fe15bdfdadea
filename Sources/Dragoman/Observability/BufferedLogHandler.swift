// A swift-log handler that formats lines exactly as StreamLogHandler does and hands them to a `LogWriter`,
// which batches the writes. `dragoman serve` logs through it.
import Logging

public struct BufferedLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadataProvider: Logger.MetadataProvider?
    public var metadata: Logger.Metadata = [:] {
        didSet { prettyMetadata = Self.prettify(metadata) }
    }

    private let label: String
    private let writer: LogWriter
    private var prettyMetadata: String?

    public init(label: String, writer: LogWriter = .standardError, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.writer = writer
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let pretty = effectiveMetadata(event).map(Self.prettify) ?? prettyMetadata
        let labelPart = label.isEmpty ? "" : " \(label)"
        writer.write(
            "\(event.level)\(labelPart):\(pretty.map { " \($0)" } ?? "") [\(event.source)] \(event.message)",
            urgent: event.level >= .notice)
    }

    /// nil when the event adds nothing to the handler's own metadata (the common case: no allocation).
    private func effectiveMetadata(_ event: LogEvent) -> Logger.Metadata? {
        let provided = metadataProvider?.get() ?? [:]
        let explicit = event.metadata ?? [:]
        guard !provided.isEmpty || !explicit.isEmpty || event.error != nil else { return nil }
        var merged = metadata
        merged.merge(provided) { _, new in new }
        merged.merge(explicit) { _, new in new }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        return merged
    }

    private static func prettify(_ metadata: Logger.Metadata) -> String? {
        metadata.isEmpty ? nil : metadata.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
    }
}
