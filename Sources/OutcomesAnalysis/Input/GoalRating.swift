import OutcomesCore

/// A goal as analysis reads it: its domain, weight and levels. Its episode is the one it was
/// read for, and its own identifier is not kept: no metric reads it, and as a `String` it took 16
/// of the 40 bytes each goal held in the dataset.
public struct GoalRating: Hashable, Sendable {
    /// The life domain the goal belongs to (as the source names it); nil when not recorded.
    public var domain: String?
    /// Positive weight; 1 when the source leaves it blank.
    public var weight: Double
    /// -1 (default) or -2.
    public var baselineLevel: Int
    /// -2 ... +2; nil while not yet rated.
    public var attainedLevel: Int?
    /// The day the goal was rated; nil while not rated.
    public var ratedOn: Day?

    /// A rating with the given levels (an unrated goal of weight 1 by default).
    public init(domain: String? = nil, weight: Double = 1, baselineLevel: Int = -1, attainedLevel: Int? = nil,
                ratedOn: Day? = nil) {
        self.domain = domain
        self.weight = weight
        self.baselineLevel = baselineLevel
        self.attainedLevel = attainedLevel
        self.ratedOn = ratedOn
    }

    /// The rating of `goal`.
    public init(_ goal: Goal) {
        self.init(domain: goal.domain, weight: goal.weight, baselineLevel: goal.baselineLevel,
                  attainedLevel: goal.attainedLevel, ratedOn: goal.ratedOn)
    }
}
