/// A built run or control chart: centre line, per-point limits and signals.
public struct ControlChart: Sendable, Equatable {
    /// Which chart this is.
    public enum Kind: String, Sendable {
        case p
        case individuals
        case run
    }

    public let kind: Kind
    /// The centre line (p-bar, the mean or the median); nil when no baseline point has a value.
    public let centre: Double?
    /// The baseline the centre and limits were frozen on; nil when every point was used.
    public let frozen: FrozenLimits?
    public let points: [ChartPoint]
    /// The Anhøj analysis of the baseline (of every point when not frozen).
    public let runs: AnhoejResult
    /// The Anhøj analysis of the points after a frozen baseline; nil when not frozen.
    public let runsAfterBaseline: AnhoejResult?

    /// True when any point is outside its limits or either runs analysis signals.
    public var hasSignal: Bool {
        points.contains { $0.isOutsideLimits } || runs.isSignal || (runsAfterBaseline?.isSignal ?? false)
    }

    /// Indices of the points marked as signals.
    public var signalIndices: [Int] {
        points.indices.filter { points[$0].isSignal }
    }
}
