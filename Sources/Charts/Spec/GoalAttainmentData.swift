/// How many goals reached each Goal Attainment Scaling level, −2 ... +2.
public struct GoalAttainmentData: Equatable, Hashable, Sendable {
    /// The levels, in order.
    public static let levels = [-2, -1, 0, 1, 2]

    /// Counts for levels −2, −1, 0, +1, +2.
    public var counts: [ChartValue]

    public init(counts: [ChartValue]) {
        self.counts = counts
    }
}
