/// A number to plot, or the reason there is none.
public enum ChartValue: Equatable, Hashable, Sendable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    case value(Double)
    /// A small cell (count 1 to 10) hidden for privacy: drawn as "<11", never plotted.
    case suppressed
    /// No data for this point: a gap.
    case missing

    public init(floatLiteral value: Double) { self = .value(value) }
    public init(integerLiteral value: Int) { self = .value(Double(value)) }

    /// The number, when there is one to plot.
    public var number: Double? {
        if case .value(let v) = self, v.isFinite { return v }
        return nil
    }

    public var isSuppressed: Bool { self == .suppressed }

    /// How a suppressed value is written.
    public static let suppressedText = "<11"
}
