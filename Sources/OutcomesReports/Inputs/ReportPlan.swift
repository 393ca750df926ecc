import OutcomesAnalysis
import OutcomesCore

/// What a definition needs computed before it can be built: the period, the trend metrics and
/// the cohort dimensions. The executable reads it to run only the analyses the report shows.
public struct ReportPlan: Sendable, Equatable {
    public var period: Period
    /// The period before P, same shape.
    public var previousPeriod: Period
    /// The last month of P: trends end with it.
    public var lastMonth: Period
    public var trendMonths: Int
    /// Metrics with a monthly series (sparklines, trend, SPC and funnel charts).
    public var trendMetrics: [String]
    /// Dimensions cohorts are cut by: those a chart or table names, in order.
    public var dimensions: [CohortDimension]
    /// The metric families the charts by each dimension draw from its cohorts: only these are
    /// computed for them.
    public var dimensionFamilies: [CohortDimension: Set<MetricFamily>]
    /// Whether a chart draws individual trajectories (from P's overall cohort): only then does
    /// the analysis of P keep them.
    public var drawsTrajectories: Bool

    /// Plans `definition` for `--period` (the last month of P, by the definition's period rule).
    public init(_ definition: ReportDefinition, month: Period) {
        let last = Period.month(containing: month.to)
        switch definition.period {
        case .month: self.init(definition, range: last)
        case .trailing12Months: self.init(definition, range: Period(from: last.trailingMonths(12)[0].from, to: last.to))
        case .trailing24Months: self.init(definition, range: Period(from: last.trailingMonths(24)[0].from, to: last.to))
        }
    }

    /// Plans `definition` for an explicit period (`--from`, `--to`); trends end with its last month.
    public init(_ definition: ReportDefinition, range: Period) {
        lastMonth = Period.month(containing: range.to)
        period = range
        previousPeriod = period.previous
        trendMonths = max(definition.trendMonths, 2)
        var metrics: [String] = []
        var dimensions: [CohortDimension] = []
        var families: [CohortDimension: Set<MetricFamily>] = [:]
        var trajectories = false
        func add(_ id: String?) { if let id, !metrics.contains(id) { metrics.append(id) } }
        for section in definition.sections {
            for block in section.blocks {
                switch block {
                case .headline(let items): items.forEach { add($0.metric) }
                case .chart(let chart):
                    if [.trend, .spc].contains(chart.kind) { add(chart.metric) }
                    if chart.kind == .trajectories { trajectories = true }
                    if chart.kind != .trend, chart.kind != .spc, let by = chart.by.flatMap(CohortDimension.init(rawValue:)) {
                        if !dimensions.contains(by) { dimensions.append(by) }
                        families[by, default: []].formUnion(Self.families(drawnBy: chart))
                    }
                default: break
                }
            }
        }
        trendMetrics = metrics
        self.dimensions = dimensions
        dimensionFamilies = families
        drawsTrajectories = trajectories
    }

    /// The families a chart cut by a dimension reads from each cohort: retention curves, the
    /// outcome pairs of change by cohort, a funnel's metric; every family for any other chart.
    static func families(drawnBy chart: ChartRequest) -> Set<MetricFamily> {
        switch chart.kind {
        case .retention: [.retention]
        case .changeByCohort: [.outcomes]
        case .funnel: MetricFamily.needed(for: chart.metric.map { [$0] } ?? [])
        default: Set(MetricFamily.allCases)
        }
    }
}
