/// One period of any SPC series: a value (or numerator) and, for p and u charts, a denominator.
///
/// p-chart: `value` cases of `denominator`; u-chart: `value` events over `denominator` units of
/// exposure (e.g. patient-days); c, i, mr and run charts read `value` alone. A nil value is a gap.
public struct SPCObservation: Sendable, Equatable {
    /// The period's label, e.g. "2026-03".
    public let label: String
    /// The measured value, count or numerator; nil is a gap.
    public let value: Double?
    /// The denominator of a p or u chart; nil on the other charts.
    public let denominator: Double?

    /// An observation of `value`, over `denominator` on p and u charts.
    public init(label: String, value: Double?, denominator: Double? = nil) {
        self.label = label
        self.value = value
        self.denominator = denominator
    }
}
