/// One line of (x, y) points, e.g. an episode's scores by week.
public struct Trajectory: Equatable, Hashable, Sendable {
    public var points: [Point]

    public init(points: [Point]) {
        self.points = points
    }
}

/// Individual trajectories (thin grey) and the cohort mean (bold). Internal reports only.
public struct SpaghettiData: Equatable, Hashable, Sendable {
    public var trajectories: [Trajectory]
    public var mean: Trajectory
    public var meanLabel: String

    public init(trajectories: [Trajectory], mean: Trajectory, meanLabel: String = "Cohort mean") {
        self.trajectories = trajectories
        self.mean = mean
        self.meanLabel = meanLabel
    }
}
