/// Where an axis sits on the plot.
public enum AxisEdge: String, Equatable, Hashable, Sendable {
    case bottom
    case left
}

/// A labelled tick: its data value (a category's index on a category axis), where it is and what it says.
public struct AxisTick: Equatable, Hashable, Sendable {
    public var value: Double
    /// Scene coordinate along the axis: x for a bottom axis, y for a left axis.
    public var position: Double
    /// The label drawn, or nil when the label was thinned out to avoid overlap.
    public var label: String?

    public init(value: Double, position: Double, label: String?) {
        self.value = value
        self.position = position
        self.label = label
    }
}

/// An axis as laid out: its title, ticks, and data domain.
public struct AxisInfo: Equatable, Hashable, Sendable {
    public var edge: AxisEdge
    public var title: String
    public var ticks: [AxisTick]
    /// The data range the axis spans (category axes: -0.5 ... count - 0.5).
    public var domain: ClosedRange<Double>

    public init(edge: AxisEdge, title: String, ticks: [AxisTick], domain: ClosedRange<Double>) {
        self.edge = edge
        self.title = title
        self.ticks = ticks
        self.domain = domain
    }
}

/// What a mark means, for tests and for anyone reading a scene.
public enum MarkRole: String, Equatable, Hashable, Sendable {
    case dataPoint
    case signal
    case centreLine
    case upperLimit
    case lowerLimit
    case target
    case reference
    case suppressed
    case bar
    case interval
    case heatCell
    case survivalCurve
    case censorTick
    case riskCount
    case funnelLimit95
    case funnelLimit998
    case trajectory
    case meanTrajectory
    case baselineDivider
    /// Where a new phase of an SPC chart starts (its own centre and limits).
    case phaseDivider
    case annotation
}

/// A mark with its meaning: which series and data index it shows, and where it is.
public struct SemanticMark: Equatable, Hashable, Sendable {
    public var role: MarkRole
    public var series: String?
    public var index: Int?
    public var points: [Point]
    public var value: Double?
    public var text: String?

    public init(
        role: MarkRole, series: String? = nil, index: Int? = nil, points: [Point],
        value: Double? = nil, text: String? = nil
    ) {
        self.role = role
        self.series = series
        self.index = index
        self.points = points
        self.value = value
        self.text = text
    }
}

/// The box a text run covers: four corners (clockwise), rotated with the text.
public struct LabelBox: Equatable, Hashable, Sendable {
    public var text: String
    public var corners: [Point]

    public init(text: String, corners: [Point]) {
        self.text = text
        self.corners = corners
    }
}

/// What a scene shows, beyond how it looks.
public struct SceneMetadata: Equatable, Hashable, Sendable {
    public var plotArea: Rect?
    public var axes: [AxisInfo] = []
    public var marks: [SemanticMark] = []
    public var labels: [LabelBox] = []
    /// The note under the chart, one entry per sentence (signals, suppressed values, caller notes).
    public var notes: [String] = []

    public init() {}

    /// The axis on `edge`, if the chart has one.
    public func axis(_ edge: AxisEdge) -> AxisInfo? {
        axes.first { $0.edge == edge }
    }

    /// All marks with `role`, in drawing order.
    public func marks(_ role: MarkRole) -> [SemanticMark] {
        marks.filter { $0.role == role }
    }
}
