/// One metric, defined once: its identifier (a pattern when it names an instrument or a code),
/// family, label, unit, the definition a methods appendix prints, its kind, and the episodes
/// behind its value. `analyze`, trends, reports, `explain` and small-cell suppression read it.
public struct MetricDefinition: Sendable {
    /// Whether the value is a proportion, a mean, a median or a count, or a parameter the other
    /// figures used (a threshold, a cutoff, a reliability, rho: audit figures), with the n it served.
    public enum Kind: String, Sendable { case rate, mean, median, count, parameter }

    /// The identifier (SPEC section 9), or a pattern with one slot: `outcomes.<INSTRUMENT>.recovery_rate`,
    /// `census.discharge_reason.<REASON>`.
    public let pattern: String
    /// The group of metrics computed together.
    public let family: MetricFamily
    /// A short label; a pattern's label is preceded by its slot's subject ("PHQ-9 recovery").
    public let label: String
    /// What the denominator of a rate, or the n of a mean, median or count, counts.
    public let unit: String
    /// The definition, as a methods appendix prints it.
    public let definition: String
    public let kind: Kind
    /// Each episode's part in the value of one cohort, for a slot value (instrument or code;
    /// empty for a fixed identifier); nil when the cohort's result does not hold the metric.
    let contributions: @Sendable (CohortResult, String) -> [EpisodeContribution]?
    /// The slot placeholder the pattern holds and the text either side of it, found once: the
    /// registry resolves every identifier of every cohort against every pattern (a report's
    /// disclosure control spent a tenth of its time finding slots in patterns).
    private let slotParts: (slot: String, prefix: String, suffix: String)?

    init(_ pattern: String, _ family: MetricFamily, _ kind: Kind, unit: String, label: String, definition: String,
         contributions: @escaping @Sendable (CohortResult, String) -> [EpisodeContribution]?) {
        self.pattern = pattern
        self.family = family
        self.kind = kind
        self.unit = unit
        self.label = label
        self.definition = definition
        self.contributions = contributions
        slotParts = Self.slots.lazy.compactMap { slot in
            pattern.range(of: slot).map { (slot, String(pattern[..<$0.lowerBound]), String(pattern[$0.upperBound...])) }
        }.first
    }

    /// The definition followed by what the denominator (or n) counts: "... Denominator: sessions."
    public var methodsText: String {
        definition + (kind == .rate ? " Denominator: \(unit)." : " n: \(unit).")
    }

    /// The slot placeholders a pattern may hold.
    static let slots = ["<INSTRUMENT>", "<REASON>"]

    /// The slot placeholder the pattern holds (one of `slots`); nil for a fixed identifier.
    public var slot: String? { slotParts?.slot }

    /// The slot's value when `id` matches the pattern ("" for a fixed identifier); nil otherwise.
    func slotValue(of id: String) -> String? {
        guard let (_, prefix, suffix) = slotParts else { return id == pattern ? "" : nil }
        guard id.count > prefix.count + suffix.count, id.hasPrefix(prefix), id.hasSuffix(suffix) else { return nil }
        return String(id.dropFirst(prefix.count).dropLast(suffix.count))
    }
}
