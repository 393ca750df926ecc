/// A drop of a Kaplan-Meier curve: from `time` on, survival is `survival`.
public struct SurvivalStep: Equatable, Hashable, Sendable {
    public var time: Double
    public var survival: Double
    public var lower: Double?
    public var upper: Double?

    public init(time: Double, survival: Double, lower: Double? = nil, upper: Double? = nil) {
        self.time = time
        self.survival = survival
        self.lower = lower
        self.upper = upper
    }
}

/// One group's retention curve (starting at 100% at time 0), censor times and numbers at risk.
public struct SurvivalCurve: Equatable, Hashable, Sendable {
    public var name: String
    public var steps: [SurvivalStep]
    public var censorTimes: [Double]
    /// Numbers at risk at each of `KaplanMeierData.riskTimes` (may be suppressed).
    public var atRisk: [ChartValue]

    public init(name: String, steps: [SurvivalStep], censorTimes: [Double] = [], atRisk: [ChartValue] = []) {
        self.name = name
        self.steps = steps
        self.censorTimes = censorTimes
        self.atRisk = atRisk
    }

    /// Survival just after `time` (1 before the first step).
    public func survival(at time: Double) -> Double {
        steps.last { $0.time <= time }?.survival ?? 1
    }
}

/// Kaplan-Meier curves, one per group, with the times the risk table reports.
public struct KaplanMeierData: Equatable, Hashable, Sendable {
    public var curves: [SurvivalCurve]
    /// Times (also the x ticks) at which numbers at risk are tabulated under the axis.
    public var riskTimes: [Double]
    /// Last time shown; nil fits the data.
    public var maxTime: Double?
    /// Shade each curve's 95% band (best with one or two curves).
    public var showsConfidenceBands: Bool

    public init(curves: [SurvivalCurve], riskTimes: [Double], maxTime: Double? = nil, showsConfidenceBands: Bool = false) {
        self.curves = curves
        self.riskTimes = riskTimes
        self.maxTime = maxTime
        self.showsConfidenceBands = showsConfidenceBands
    }
}
