/// Everything a chart shows: its kind-specific data, words and options. Plain values, no patients.
public struct ChartSpec: Equatable, Hashable, Sendable {
    public var kind: ChartKind
    public var title: String
    /// Period and n, e.g. "Nov 2025 – Oct 2026 · n = 4,812 scheduled sessions".
    public var subtitle: String
    public var xAxis: AxisSpec
    public var yAxis: AxisSpec
    /// A goal to reach, drawn as a dashed line (line, SPC and bar charts).
    public var target: ReferenceLine?
    /// A comparison value, e.g. a national benchmark or zero change.
    public var reference: ReferenceLine?
    /// Events marked on the x axis, e.g. "New intake process" (line, SPC, Kaplan-Meier, spaghetti).
    public var annotations: [ChartAnnotation]
    /// Sentences added to the note under the chart.
    public var notes: [String]
    /// Default size in points when `Chart.build` is not given one.
    public var size: Size

    public init(
        kind: ChartKind, title: String, subtitle: String, xAxis: AxisSpec, yAxis: AxisSpec,
        target: ReferenceLine? = nil, reference: ReferenceLine? = nil, annotations: [ChartAnnotation] = [],
        notes: [String] = [], size: Size = .fullWidth
    ) {
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.target = target
        self.reference = reference
        self.annotations = annotations
        self.notes = notes
        self.size = size
    }
}

/// An event marked on the x axis by a dotted line and a short label at the top of the plot.
public struct ChartAnnotation: Equatable, Hashable, Sendable {
    /// Where on the x axis: a category's index (0 = first month) or a number on a numeric axis.
    public var x: Double
    public var label: String

    public init(x: Double, label: String) {
        self.x = x
        self.label = label
    }
}

/// The kinds of chart, each with its data.
public enum ChartKind: Equatable, Hashable, Sendable {
    /// Run chart, p-chart or I-chart: centre, limits and signals come with the data.
    case spc(SPCSeries)
    /// Trend lines over categories (months), one or more series.
    case line(LineChartData)
    /// Bars, single or stacked, vertical or horizontal.
    case bar(BarChartData)
    /// An estimate with its 95% CI per cohort.
    case dotInterval(DotIntervalData)
    /// Counts in a grid, e.g. baseline band × final band.
    case heatTable(HeatTableData)
    /// Kaplan-Meier step curves with censor ticks and a number-at-risk table.
    case kaplanMeier(KaplanMeierData)
    /// Distribution of attained goal levels −2 ... +2.
    case goalAttainment(GoalAttainmentData)
    /// Proportion against n with control limits.
    case funnel(FunnelData)
    /// Individual trajectories in grey with the cohort mean in bold.
    case spaghetti(SpaghettiData)
}
