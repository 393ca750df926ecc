/// One plotted point of a run or control chart, with its centre, limits and signals.
public struct ChartPoint: Sendable, Equatable {
    /// The period's label.
    public let label: String
    /// The plotted value; nil is a gap (no denominator or no data), drawn as a break in the line.
    public let value: Double?
    /// The point's denominator on p and u charts (its n); nil on the other charts.
    public let denominator: Double?
    /// The centre line at this point (its phase's centre); nil when the phase has none.
    public let centre: Double?
    /// The 3-sigma control limits at this point; nil on run charts, at gaps and without enough data.
    public let limits: ControlLimits?
    /// The 2-sigma (warning) limits at this point; nil where `limits` is nil.
    public let warningLimits: ControlLimits?
    /// The phase the point belongs to, counted from 0.
    public let phase: Int
    /// False when the point was excluded from the calculations (it is still drawn).
    public let isIncluded: Bool
    /// True when an included value lies strictly outside the 3-sigma limits.
    public let isOutsideLimits: Bool
    /// True when the point belongs to a run longer than the Anhøj limit.
    public let isInLongRun: Bool

    /// The lower 3-sigma limit at this point.
    public var lowerLimit: Double? { limits?.lower }
    /// The upper 3-sigma limit at this point.
    public var upperLimit: Double? { limits?.upper }
    /// True when the point should be marked as a signal.
    public var isSignal: Bool { isOutsideLimits || isInLongRun }
}

/// A lower and an upper limit at one point, already clipped to the values the chart can take.
public struct ControlLimits: Sendable, Equatable {
    /// The lower limit.
    public let lower: Double
    /// The upper limit.
    public let upper: Double
}
