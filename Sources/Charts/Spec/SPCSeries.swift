/// Which statistical process control chart a series is.
public enum SPCChartType: String, Equatable, Hashable, Sendable {
    /// Run chart: centre is the median, no limits.
    case run
    /// Proportions: limits step with each point's n.
    case p
    /// Individuals (means): limits from the mean moving range.
    case i
    /// Rates per unit of exposure: limits step with each point's exposure.
    case u
    /// Counts: limits from the mean count.
    case c
    /// Moving ranges: upper limit 3.267 x their mean.
    case mr
}

/// Why a point is a signal.
public enum SPCPointSignal: String, Equatable, Hashable, Sendable {
    case aboveUpperLimit
    case belowLowerLimit
}

/// One point of an SPC series, with the centre and limits the analysis computed for it.
public struct SPCPoint: Equatable, Hashable, Sendable {
    public var label: String
    public var value: ChartValue
    public var n: Int?
    public var centre: Double?
    public var lower: Double?
    public var upper: Double?
    public var signal: SPCPointSignal?
    /// False for a point left out of the calculations: drawn hollow and named in a note.
    public var isIncluded: Bool
    /// The phase the point belongs to (from 0); the limits break and a divider is drawn where it changes.
    public var phase: Int

    public init(
        label: String, value: ChartValue, n: Int? = nil, centre: Double? = nil,
        lower: Double? = nil, upper: Double? = nil, signal: SPCPointSignal? = nil,
        isIncluded: Bool = true, phase: Int = 0
    ) {
        self.label = label
        self.value = value
        self.n = n
        self.centre = centre
        self.lower = lower
        self.upper = upper
        self.signal = signal
        self.isIncluded = isIncluded
        self.phase = phase
    }
}

/// A non-random pattern over several points (Anhøj rules).
public struct SPCRunSignal: Equatable, Hashable, Sendable {
    public enum Kind: String, Equatable, Hashable, Sendable {
        /// Longest run on one side of the centre line is longer than expected.
        case longRun
        /// The series crosses the centre line fewer times than expected.
        case fewCrossings
    }

    public var kind: Kind
    /// Indices of the points involved (for a long run, the run itself).
    public var pointIndices: [Int]
    /// How it is explained in the note, e.g. "longest run 9 points (limit 8)".
    public var detail: String

    public init(kind: Kind, pointIndices: [Int], detail: String) {
        self.kind = kind
        self.pointIndices = pointIndices
        self.detail = detail
    }
}

/// A monthly series with its centre, limits and signals, ready to draw.
public struct SPCSeries: Equatable, Hashable, Sendable {
    public var chart: SPCChartType
    public var points: [SPCPoint]
    public var runSignals: [SPCRunSignal]
    /// Limits were frozen on the first `baselineCount` points; a divider marks where.
    public var baselineCount: Int?

    public init(chart: SPCChartType, points: [SPCPoint], runSignals: [SPCRunSignal] = [], baselineCount: Int? = nil) {
        self.chart = chart
        self.points = points
        self.runSignals = runSignals
        self.baselineCount = baselineCount
    }
}
