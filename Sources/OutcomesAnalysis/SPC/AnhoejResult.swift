/// The outcome of the Anhøj runs analysis of one series against its centre line.
public struct AnhoejResult: Sendable, Equatable {
    /// Useful observations: points that are present and not on the centre line.
    public let usefulCount: Int
    /// The longest run of consecutive useful points on one side of the centre line.
    public let longestRun: Int
    /// A run longer than this is unusually long: round(log2(n) + 3).
    public let longestRunLimit: Int
    /// How many times consecutive useful points lie on opposite sides of the centre line.
    public let crossings: Int
    /// Fewer crossings than this are too few: qbinom(0.05, n - 1, 0.5).
    public let minimumCrossings: Int
    /// Indices (into the analysed series) of the points in every run longer than the limit.
    public let signallingRunIndices: [Int]

    /// True when the longest run exceeds its limit.
    public var hasUnusuallyLongRun: Bool { longestRun > longestRunLimit }

    /// True when the crossings fall below their limit.
    public var hasTooFewCrossings: Bool { crossings < minimumCrossings }

    /// True when either Anhøj rule signals non-random variation.
    public var isSignal: Bool { hasUnusuallyLongRun || hasTooFewCrossings }
}
