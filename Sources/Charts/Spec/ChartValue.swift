/// A number to plot, or the reason there is none.
public enum ChartValue: Equatable, Hashable, Sendable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    case value(Double)
    /// A small cell (count 1 to 10) hidden for privacy: drawn as "<11", never plotted.
    case suppressed
    /// A figure of 11 or more withheld only so that a small cell cannot be worked out from it:
    /// drawn as "suppressed", never plotted.
    case complementary
    /// No data for this point: a gap.
    case missing

    public init(floatLiteral value: Double) { self = .value(value) }
    public init(integerLiteral value: Int) { self = .value(Double(value)) }

    /// The number, when there is one to plot.
    public var number: Double? {
        if case .value(let v) = self, v.isFinite { return v }
        return nil
    }

    /// True for a withheld value, small or complementary.
    public var isSuppressed: Bool { self == .suppressed || self == .complementary }

    /// How a small suppressed value is written.
    public static let suppressedText = "<11"
    /// How a complementary withheld value is written.
    public static let complementaryText = "suppressed"

    /// How a withheld value is written; nil for a value or a gap.
    public var withheldText: String? {
        switch self {
        case .suppressed: return Self.suppressedText
        case .complementary: return Self.complementaryText
        case .value, .missing: return nil
        }
    }
}
