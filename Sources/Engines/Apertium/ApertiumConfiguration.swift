// Options of the Apertium engine, decoded from the service's configuration file (snake_case keys, every key optional).

public struct ApertiumConfiguration: Sendable, Codable, Equatable {
    /// Where Apertium's installed pairs leave their `*.mode` files.
    public var modes_dir: String = "/usr/share/apertium/modes"
    /// Persistent pipelines per direct pair, started lazily as load needs them.
    public var pipelines_per_pair: Int = 1
    /// Keep Apertium's unknown-word marks (`*word`, `@word`, `#word`) in the output.
    public var mark_unknown: Bool = false
    /// A pipeline that answers nothing for this long while texts wait is declared hung and restarted
    /// (a freshly started one gets three times as long, for loading its transducers).
    public var timeout_seconds: Double = 10
    /// Translate through a third language when no direct pair exists (en→es→pt).
    public var pivot: Bool = true

    public init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ApertiumConfiguration()
        modes_dir = try container.decodeIfPresent(String.self, forKey: .modes_dir) ?? defaults.modes_dir
        pipelines_per_pair =
            try container.decodeIfPresent(Int.self, forKey: .pipelines_per_pair) ?? defaults.pipelines_per_pair
        mark_unknown = try container.decodeIfPresent(Bool.self, forKey: .mark_unknown) ?? defaults.mark_unknown
        timeout_seconds = try container.decodeIfPresent(Double.self, forKey: .timeout_seconds) ?? defaults.timeout_seconds
        pivot = try container.decodeIfPresent(Bool.self, forKey: .pivot) ?? defaults.pivot
    }
}
