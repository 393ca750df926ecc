/// Freezes a chart's centre line and limits on a baseline range of points.
///
/// The centre and limits are computed from the baseline points only and applied to every
/// point. As in qicharts2, the Anhøj rules then run twice against the frozen centre:
/// once over the baseline and once over the points after it.
public struct FrozenLimits: Sendable, Equatable {
    /// Indices of the baseline points; clipped to the series when applied.
    public let baseline: Range<Int>

    public init(baseline: Range<Int>) {
        self.baseline = baseline
    }

    /// The baseline clipped to a series of `count` points.
    func baselineIndices(count: Int) -> Range<Int> {
        baseline.clamped(to: 0..<max(count, 0))
    }

    /// The points after the baseline in a series of `count` points.
    func followUpIndices(count: Int) -> Range<Int> {
        let start = min(max(baseline.upperBound, 0), max(count, 0))
        return start..<max(count, 0)
    }
}
