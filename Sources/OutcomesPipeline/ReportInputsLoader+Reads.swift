import OutcomesAnalysis
import OutcomesCore
import OutcomesReports

extension ReportInputsLoader {
    /// Every period a report analyses, over all its reads (`reads(_:)`): what its data window is made of.
    public static func analyzedPeriods(_ plan: ReportPlan) -> [AnalysedPeriod] {
        reads(plan).flatMap { $0.periods(plan) }
    }

    /// One read of the store and the analyses made from it.
    public struct Read: Equatable, Sendable {
        /// Whether P is analysed from it (overall and by each dimension).
        public var current: Bool
        /// Whether the previous period is analysed from it (overall, for the trend's metrics: the
        /// headline's figures, which are all a report prints of it, come from them).
        public var previous: Bool
        /// The trend months analysed from it, oldest first (for the trend's metrics only).
        public var months: [Period]
        /// Whether P's overall cohort is analysed from it for post-discharge deterioration alone:
        /// a read of P's follow-up cohort, whose figures P's own read then takes (`leavesFollowUp`).
        public var followUpOfP = false
        /// Whether P's own read leaves its post-discharge deterioration to a read of its own.
        public var leavesFollowUp = false

        /// The families P is analysed for when `current`: every one, but post-discharge
        /// deterioration when it is read apart.
        public var currentFamilies: Set<MetricFamily> {
            let everyFamily = Set(MetricFamily.allCases)
            return leavesFollowUp ? everyFamily.subtracting([.postDischargeDeterioration]) : everyFamily
        }

        /// The periods it analyses: P with `currentFamilies`, or with post-discharge deterioration
        /// alone; the previous period and the months with the families of the trend's metrics
        /// (`DataWindow` derives the rows to read from them).
        public func periods(_ plan: ReportPlan) -> [AnalysedPeriod] {
            let trendFamilies = MetricFamily.needed(for: plan.trendMetrics)
            return (current ? [AnalysedPeriod(plan.period, families: currentFamilies)] : [])
                + (followUpOfP ? [AnalysedPeriod(plan.period, families: [.postDischargeDeterioration])] : [])
                + (previous ? [AnalysedPeriod(plan.previousPeriod, families: trendFamilies)] : [])
                + months.map { AnalysedPeriod($0, families: trendFamilies) }
        }
    }

    /// The reads of a report. For a calendar-month P, its trend months in runs (`TrendRuns`, P
    /// with every family, the months with the trend's), the oldest first; the newest run's read
    /// holds P, whose own analysis gives the trend's newest values (the previous month is read
    /// from the trend). The monthly report's twelve months are one run: its headline months look
    /// back three months, not a year. Read in two runs of six months, it took 3.12 s at 200,000
    /// episodes and peaked at 127 MB (137 MB at 1,000,000 episodes over five years); read at once,
    /// 2.46 s (medians of 11 paired runs), 164 and 188 MB (1.15 times).
    ///
    /// For a longer P (the QI review's and the accreditation packet's 12 months), first its
    /// previous period with the trend months before P; then P's follow-up cohort, for P's
    /// post-discharge deterioration alone, unless a chart by a dimension draws it; then P with
    /// the trend months from its first on (P's own windows already reach back as far as theirs).
    /// Read at once, a network with two years of history held both years' rows: at 400,000
    /// episodes admitted over two years, `report qi-review` peaked at 482 MiB. P goes last because
    /// all a report keeps of the other reads is figures, while P's analysis (its outcome pairs,
    /// trajectories and cohorts) is kept until the report is drawn: read before the previous
    /// year, at 1,000,000 episodes over five years, `report qi-review` peaked at 382 MB instead of
    /// 344. A 12-month P's follow-up cohort is the four months of discharges before it and P's
    /// first eight: read with P, the scores of those four months were held beside P's rows.
    public static func reads(_ plan: ReportPlan) -> [Read] {
        let months = plan.trendMetrics.isEmpty ? [] : plan.lastMonth.trailingMonths(plan.trendMonths)
        guard !plan.period.isCalendarMonth else {
            let trendFamilies = MetricFamily.needed(for: plan.trendMetrics)
            let runs = TrendRuns.runs(months.filter { $0 != plan.period } + [plan.period]) { month in
                month == plan.period ? Set(MetricFamily.allCases) : trendFamilies
            }
            let older = runs.dropLast().map { Read(current: false, previous: false, months: $0) }
            let newest = (runs.last ?? []).filter { $0 != plan.period }
            return older + [Read(current: true, previous: false, months: newest)]
        }
        let everyFamily = Set(MetricFamily.allCases)
        let apart = plan.dimensions.allSatisfy {
            !(plan.dimensionFamilies[$0] ?? everyFamily).contains(.postDischargeDeterioration)
        }
        return [Read(current: false, previous: true, months: months.filter { $0.from < plan.period.from })]
            + (apart ? [Read(current: false, previous: false, months: [], followUpOfP: true)] : [])
            + [Read(current: true, previous: false, months: months.filter { $0.from >= plan.period.from },
                    leavesFollowUp: apart)]
    }
}
