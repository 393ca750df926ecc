/// A built run or control chart: per-point centre, limits and signals, and each phase's runs analysis.
public struct ControlChart: Sendable, Equatable {
    /// Which chart this is; the raw value is the name the `spc` command takes.
    public enum Kind: String, Sendable, CaseIterable {
        /// Run chart: the values around their median, Anhøj rules only.
        case run
        /// Proportions with unequal denominators.
        case p
        /// Rates per unit of exposure (e.g. events per 1,000 patient-days).
        case u
        /// Counts of events in equal opportunities.
        case c
        /// Individuals (XmR): measured values such as monthly means.
        case i
        /// Moving ranges of consecutive values.
        case mr
    }

    /// Which chart this is.
    public let kind: Kind
    /// Every point, in order.
    public let points: [ChartPoint]
    /// The phases in order; every chart has at least one unless it has no points.
    public let phases: [ControlChartPhase]

    /// The first phase's centre line (p-bar, mean or median); nil when it has none.
    public var centre: Double? { phases.first?.centre }
    /// The Anhøj analysis of the first phase (of its baseline when frozen).
    public var runs: AnhoejResult { phases.first?.runs ?? AnhoejRules.analyse([], centre: 0) }
    /// The Anhøj analysis of the first phase's points after a frozen baseline; nil when not frozen.
    public var runsAfterBaseline: AnhoejResult? { phases.first?.runsAfterBaseline }

    /// True when any point is outside its limits or any runs analysis signals.
    public var hasSignal: Bool {
        points.contains { $0.isOutsideLimits } || phases.contains { $0.hasRunsSignal }
    }

    /// Indices of the points marked as signals.
    public var signalIndices: [Int] {
        points.indices.filter { points[$0].isSignal }
    }
}

/// One phase of a control chart: its points, centre and runs analysis.
public struct ControlChartPhase: Sendable, Equatable {
    /// Indices of the phase's points in the whole series.
    public let range: Range<Int>
    /// How many of the phase's first points the centre and limits were frozen on; nil when not frozen.
    public let baselineCount: Int?
    /// The phase's centre line; nil when no included point has a value.
    public let centre: Double?
    /// The Anhøj analysis of the phase (of its baseline when frozen); excluded points are left out.
    public let runs: AnhoejResult
    /// The Anhøj analysis of the points after a frozen baseline; nil when not frozen.
    public let runsAfterBaseline: AnhoejResult?
    /// True when a point of the phase lies outside its 3-sigma limits.
    public let hasSigmaSignal: Bool

    /// True when either runs analysis of the phase signals.
    public var hasRunsSignal: Bool { runs.isSignal || (runsAfterBaseline?.isSignal ?? false) }
}
