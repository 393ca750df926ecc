/// One line of (x, y) points, e.g. an episode's scores by week.
public struct Trajectory: Equatable, Hashable, Sendable {
    public var points: [Point]

    public init(points: [Point]) {
        self.points = points
    }
}

/// Individual trajectories (thin grey) and the cohort mean (bold). Internal reports only.
///
/// At most `maximumDrawn` trajectories are drawn, evenly spaced in the order given: a network's
/// month has thousands (14,159 PHQ-9 pairs at 200,000 episodes), which drew as one grey mass and
/// took 0.7 s of a report's rendering. The legend then says how many of how many are drawn; the
/// mean is the producer's, over every trajectory.
public struct SpaghettiData: Equatable, Hashable, Sendable {
    /// The most trajectories a chart draws.
    public static let maximumDrawn = 300

    /// The trajectories drawn.
    public var trajectories: [Trajectory]
    /// How many trajectories there were before sampling.
    public var trajectoryCount: Int
    public var mean: Trajectory
    public var meanLabel: String

    public init(trajectories: [Trajectory], mean: Trajectory, meanLabel: String = "Cohort mean") {
        self.trajectories = SpaghettiData.evenlySpaced(trajectories, limit: SpaghettiData.maximumDrawn)
        trajectoryCount = trajectories.count
        self.mean = mean
        self.meanLabel = meanLabel
    }

    /// All of `items` when they are at most `limit`; else `limit` of them, item i * count / limit
    /// for i = 0 ..< limit (the first always, then evenly spaced).
    static func evenlySpaced<Item>(_ items: [Item], limit: Int) -> [Item] {
        guard items.count > limit, limit > 0 else { return items }
        return (0..<limit).map { items[$0 * items.count / limit] }
    }
}
