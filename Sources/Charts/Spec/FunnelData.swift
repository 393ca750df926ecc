/// A unit (site, track, clinician) on a funnel plot.
public struct FunnelPoint: Equatable, Hashable, Sendable {
    public var label: String
    public var n: Int
    public var proportion: ChartValue
    /// Outside the 99.8% limits, as the analysis decided.
    public var isSignal: Bool

    public init(label: String, n: Int, proportion: ChartValue, isSignal: Bool = false) {
        self.label = label
        self.n = n
        self.proportion = proportion
        self.isSignal = isSignal
    }
}

/// Lower and upper limit at a denominator n.
public struct FunnelLimitPoint: Equatable, Hashable, Sendable {
    public var n: Double
    public var lower: Double
    public var upper: Double

    public init(n: Double, lower: Double, upper: Double) {
        self.n = n
        self.lower = lower
        self.upper = upper
    }
}

/// A limit curve (95% or 99.8%) sampled over n by the analysis.
public struct FunnelLimitCurve: Equatable, Hashable, Sendable {
    public enum Level: String, Equatable, Hashable, Sendable {
        case ninetyFive = "95%"
        case ninetyNinePointEight = "99.8%"
    }

    public var level: Level
    public var points: [FunnelLimitPoint]

    public init(level: Level, points: [FunnelLimitPoint]) {
        self.level = level
        self.points = points
    }
}

/// Units' proportions against their n, around the overall proportion.
public struct FunnelData: Equatable, Hashable, Sendable {
    public var centre: Double
    public var points: [FunnelPoint]
    public var limits: [FunnelLimitCurve]

    public init(centre: Double, points: [FunnelPoint], limits: [FunnelLimitCurve]) {
        self.centre = centre
        self.points = points
        self.limits = limits
    }
}
