/// A stretch of points judged by one Anhøj analysis: a whole phase, or a frozen phase's baseline
/// or the points after it.
public struct RunsSegment: Sendable, Equatable {
    /// The phase, counted from 0.
    public let phase: Int
    /// Indices of the points in the whole series.
    public let range: Range<Int>
    /// The analysis of those points.
    public let runs: AnhoejResult
}

extension ControlChart {
    /// Every Anhøj analysis of the chart in series order, with the points each covers.
    public var runsSegments: [RunsSegment] {
        phases.enumerated().flatMap { number, phase -> [RunsSegment] in
            guard let count = phase.baselineCount, let after = phase.runsAfterBaseline else {
                return [RunsSegment(phase: number, range: phase.range, runs: phase.runs)]
            }
            let split = phase.range.lowerBound + count
            return [
                RunsSegment(phase: number, range: phase.range.lowerBound..<split, runs: phase.runs),
                RunsSegment(phase: number, range: split..<phase.range.upperBound, runs: after),
            ]
        }
    }
}
