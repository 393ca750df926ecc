/// One plotted point of a run or control chart, with its limits and signals.
public struct ChartPoint: Sendable, Equatable {
    public let label: String
    /// The plotted value; nil is a gap (no denominator or no data), drawn as a break in the line.
    public let value: Double?
    /// The point's denominator on a p-chart (its n); nil on charts of values.
    public let denominator: Int?
    /// The lower control limit at this point; nil on run charts and at gaps.
    public let lowerLimit: Double?
    /// The upper control limit at this point; nil on run charts and at gaps.
    public let upperLimit: Double?
    /// True when the value lies strictly outside the control limits.
    public let isOutsideLimits: Bool
    /// True when the point belongs to a run longer than the Anhøj limit.
    public let isInLongRun: Bool

    /// True when the point should be marked as a signal.
    public var isSignal: Bool { isOutsideLimits || isInLongRun }

    public init(
        label: String, value: Double?, denominator: Int? = nil, lowerLimit: Double?, upperLimit: Double?,
        isOutsideLimits: Bool, isInLongRun: Bool
    ) {
        self.label = label
        self.value = value
        self.denominator = denominator
        self.lowerLimit = lowerLimit
        self.upperLimit = upperLimit
        self.isOutsideLimits = isOutsideLimits
        self.isInLongRun = isInLongRun
    }
}
