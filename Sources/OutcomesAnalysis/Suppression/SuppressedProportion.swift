/// A proportion as it may be published: its rate is withheld when either count is 1 to 10.
public struct SuppressedProportion: Sendable, Equatable {
    public let numerator: SuppressedCell
    public let denominator: SuppressedCell
    /// numerator / denominator; nil when suppressed or when the denominator is 0.
    public let rate: Double?
    /// True when the rate is withheld because a count is 1 to 10.
    public let isSuppressed: Bool

    /// The text to print for the rate: "<11" when suppressed, "" when there is no denominator,
    /// else the rate formatted by the caller.
    public func rateText(_ format: (Double) -> String) -> String {
        if isSuppressed { return SuppressedCell.suppressedText }
        return rate.map(format) ?? ""
    }
}
