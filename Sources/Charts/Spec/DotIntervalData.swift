/// One row of a dot-and-interval plot: an estimate with its 95% CI.
public struct IntervalEstimate: Equatable, Hashable, Sendable {
    public var label: String
    public var estimate: ChartValue
    public var lower: Double?
    public var upper: Double?
    public var n: Int?

    public init(label: String, estimate: ChartValue, lower: Double? = nil, upper: Double? = nil, n: Int? = nil) {
        self.label = label
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.n = n
    }
}

/// Estimates with intervals per cohort; the spec's `reference` draws the comparison line.
public struct DotIntervalData: Equatable, Hashable, Sendable {
    public var rows: [IntervalEstimate]

    public init(rows: [IntervalEstimate]) {
        self.rows = rows
    }
}
