/// One episode's part in a metric of one cohort: the units it puts in the numerator and the
/// denominator (for a mean, median or count: in n), the values that decided it, and, for an
/// episode the metric leaves out, the reason.
public struct EpisodeContribution: Hashable, Sendable {
    public var episodeID: String
    /// Units in the numerator of a rate (0 for a mean, median or count).
    public var numerator: Int
    /// Units in the denominator of a rate, or in the n of a mean, median or count; 0 when left out.
    public var denominator: Int
    /// The values that decided it, in the order explain prints them.
    public var values: [ExplainedValue]
    /// Why the episode is left out (`no_outcome_pair`, `not_a_case_at_baseline`, ...); nil for a member.
    public var exclusion: String?

    /// A member of the metric: `denominator` units, `numerator` of them in the numerator.
    public init(_ episodeID: String, numerator: Int = 0, denominator: Int, values: [ExplainedValue]) {
        self.episodeID = episodeID
        self.numerator = numerator
        self.denominator = denominator
        self.values = values
    }

    /// An episode the metric leaves out, with the reason.
    public init(_ episodeID: String, excluded reason: String, values: [ExplainedValue]) {
        self.init(episodeID, denominator: 0, values: values)
        exclusion = reason
    }

    /// A member counted once, in the numerator or not.
    public init(_ episodeID: String, counts: Bool, values: [ExplainedValue]) {
        self.init(episodeID, numerator: counts ? 1 : 0, denominator: 1, values: values)
    }

    /// True when the episode is in the denominator (or n).
    public var isMember: Bool { exclusion == nil && denominator > 0 }
}

/// A named value that decided an episode's part in a metric, as text (numbers at full precision).
public struct ExplainedValue: Hashable, Sendable {
    public var name: String
    public var text: String

    public init(_ name: String, _ text: String) {
        self.name = name
        self.text = text
    }

    /// A number at full precision.
    public init(_ name: String, number: Double?) {
        self.init(name, number.map { NumberText.exact($0) } ?? "")
    }

    /// Any value by its description ("" when absent).
    public init(_ name: String, _ value: (any CustomStringConvertible)?) {
        self.init(name, value.map { $0.description } ?? "")
    }
}
