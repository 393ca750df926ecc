/// How a count of an external output is printed after disclosure control.
public enum DisclosureMark: Hashable, Sendable {
    case shown
    /// A count of 1 to 10: printed "<11".
    case primary
    /// Withheld only to protect a primary cell (always 11 or more): printed "suppressed".
    case complementary
    /// Not printed by the output at all (a total no table shows).
    case notDisplayed

    /// Whether the reader does not see the value.
    public var isWithheld: Bool { self == .primary || self == .complementary }

    /// What the reader learns from the mark alone: "<11" is 1 to 10, "suppressed" 11 or more,
    /// a count the output does not print any value from 0.
    var knownRange: (low: Int, high: Int?) {
        switch self {
        case .shown, .notDisplayed: return (0, nil)
        case .primary: return (DisclosureControl.smallCounts.lowerBound, DisclosureControl.smallCounts.upperBound)
        case .complementary: return (DisclosureControl.smallCounts.upperBound + 1, nil)
        }
    }

    /// The text of a primary cell: the count is less than 11.
    public static let primaryText = "<11"

    /// The text printed for a withheld count; nil when the count is printed.
    public var label: String? {
        switch self {
        case .primary: return Self.primaryText
        case .complementary: return "suppressed"
        case .shown, .notDisplayed: return nil
        }
    }
}
