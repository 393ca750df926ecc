import Foundation
import OutcomesAnalysis
import OutcomesCore
import OutcomesReports
import OutcomesStore

/// Runs the analyses a report plan needs and gathers the report's inputs from the store.
public struct ReportInputsLoader: Sendable {
    let db: OutcomesDatabase
    let registry: InstrumentRegistry
    let options: AnalysisOptions

    /// A loader reading `db`, scoring with `registry` and analysing with `options` (whose
    /// period each analysis replaces).
    public init(db: OutcomesDatabase, registry: InstrumentRegistry, options: AnalysisOptions) {
        self.db = db
        self.registry = registry
        var withoutFacts = options
        withoutFacts.keepsEpisodeFacts = false  // a report prints figures, never episodes' facts
        self.options = withoutFacts
    }

    /// The inputs of the report `plan` describes: P overall and by each dimension, the previous
    /// period, the trends, the watch list's pseudonymous keys and the provenance.
    ///
    /// Each of the plan's reads (`reads(_:)`) is loaded, analysed and freed before the next is
    /// loaded, so memory holds one read's rows at a time. The reads and the load log of the
    /// provenance see one state of the database (`OutcomesDatabase.readingConsistently`).
    public func load(_ plan: ReportPlan, programName: String, command: String, generatedOn: Day) throws -> ReportInputs {
        let (outputs, keys, loads) = try db.readingConsistently {
            var outputs: [Output] = []
            var keys: [String: String] = [:]
            for read in Self.reads(plan) {
                let dataset = try DatasetLoader.read(db, periods: read.periods(plan), registry: registry)
                let analysed = analyze(dataset, plan, read)
                for case .current(let overall) in analysed {
                    keys = dataset.patientKeys(ofEpisodes: Set(overall.watchList.entries.map(\.episodeID)))
                }
                outputs += analysed
            }
            return (outputs, keys, try db.loadLog())
        }
        let analyses = Self.gather(outputs, plan)
        let overall = analyses.current
        let provenance = ProvenanceSummary(
            loads: loads.map(ProvenanceEntry.init),
            softwareVersion: SoftwareVersion.current, command: command,
            parameters: ["period: \(plan.period.from) to \(plan.period.to)", "trend months: \(plan.trendMonths)",
                         "reliable change: \(options.reliableChange.rawValue)",
                         "dose minimum: \(NumberText.plain(options.doseMinimum.adultHours)) h adults, \(NumberText.plain(options.doseMinimum.adolescentHours)) h under 18",
                         "substance-use tracks: \(options.substanceUsePrograms.sorted().joined(separator: ", "))",
                         "GAS rho: \(NumberText.exact(options.gasRho))"]
                        + options.doseMinimumByProgram.keys.sorted().compactMap { program in
                            options.doseMinimumByProgram[program].map {
                                "dose minimum of \(program): \(NumberText.plain($0.adultHours)) h adults, \(NumberText.plain($0.adolescentHours)) h under 18"
                            }
                        } + [
                         "small-cell threshold: counts of 1 to 10 shown as <11 (external reports)"])
        return ReportInputs(programName: programName, period: plan.period, current: overall, byDimension: analyses.byDimension,
                            previous: analyses.previous, trends: analyses.trends, registry: registry, patientKeys: keys,
                            provenance: provenance, generatedOn: generatedOn)
    }

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

        /// The periods it analyses: P with every family, the previous period and the months with
        /// the families of the trend's metrics (`DataWindow` derives the rows to read from them).
        public func periods(_ plan: ReportPlan) -> [AnalysedPeriod] {
            let trendFamilies = MetricFamily.needed(for: plan.trendMetrics)
            return (current ? [AnalysedPeriod(plan.period)] : [])
                + (previous ? [AnalysedPeriod(plan.previousPeriod, families: trendFamilies)] : [])
                + months.map { AnalysedPeriod($0, families: trendFamilies) }
        }
    }

    /// The reads of a report. For a calendar-month P, its trend months in runs (`TrendRuns`), the
    /// oldest first; the newest run's read holds P, whose own analysis gives the trend's newest
    /// values (the previous month is read from the trend). At 1,000,000 episodes over five years,
    /// read at once, `report monthly` peaked at 194 MB, 1.20 times its figure on the one-year,
    /// 200,000-episode network, whose trend months' windows before its first month are empty;
    /// in two runs, 143 MB, 1.10 times (and 1.55 s instead of 1.20 at 200,000 episodes).
    ///
    /// For a longer P (the QI review's and the accreditation packet's 12 months) two: first its
    /// previous period with the trend months before P, then P with the trend months from its
    /// first on (P's own windows already reach back as far as theirs). Read at once, a network
    /// with two years of history held both years' rows: at 400,000 episodes admitted over two
    /// years, `report qi-review` peaked at 482 MiB. P goes last because all a report keeps of the
    /// other reads is figures, while P's analysis (its outcome pairs, trajectories and cohorts) is
    /// kept until the report is drawn: read before the previous year, at 1,000,000 episodes over
    /// five years, `report qi-review` peaked at 382 MB instead of 344.
    public static func reads(_ plan: ReportPlan) -> [Read] {
        let months = plan.trendMetrics.isEmpty ? [] : plan.lastMonth.trailingMonths(plan.trendMonths)
        guard !plan.period.isCalendarMonth else {
            let runs = TrendRuns.runs(months.filter { $0 != plan.period } + [plan.period])
            let older = runs.dropLast().map { Read(current: false, previous: false, months: $0) }
            let newest = (runs.last ?? []).filter { $0 != plan.period }
            return older + [Read(current: true, previous: false, months: newest)]
        }
        return [Read(current: false, previous: true, months: months.filter { $0.from < plan.period.from }),
                Read(current: true, previous: false, months: months.filter { $0.from >= plan.period.from })]
    }
}

extension ReportInputsLoader {
    struct Analyses {
        var current: AnalysisResult
        var byDimension: [CohortDimension: AnalysisResult] = [:]
        var previous: PreviousPeriod?
        var trends: [MetricTrend] = []
    }

    /// One analysis's result.
    enum Output: Sendable {
        case current(AnalysisResult)
        case dimension(CohortDimension, [CohortResult])
        /// The previous period's overall figures for the trend's metrics (nil without an overall cohort).
        case previous(MetricSet?)
        case month(TrendMonth)
    }

    /// One job's result: an analysis's, or half of the overall cohort of P.
    private enum Job: Sendable {
        case output(Output)
        case currentHalf(Analysis.OverallHalf)
    }

    /// The analyses `read` asks of `dataset`: P overall (the overall cohort once, in two halves),
    /// each dimension's cohorts, the previous period and each trend month: one job each, on every
    /// core. The previous period is analysed as a trend month is, for the trend's metrics alone:
    /// a report prints no other figure of it (the headline table's previous column), and its
    /// window then reaches back no further than the year itself. Analysed with every family,
    /// equity and the watch list, with two years of history at 200,000 episodes a year, `report
    /// qi-review` took 7.8 s instead of 7.2 and `report accreditation` 7.4 instead of 6.2.
    func analyze(_ dataset: AnalysisDataset, _ plan: ReportPlan, _ read: Read) -> [Output] {
        let figuresOnly = options.withoutTrajectories  // only P's overall cohort draws them
        let current = read.current ? CohortContext(
            dataset: dataset, options: (plan.drawsTrajectories ? options : figuresOnly).with(period: plan.period)) : nil
        var jobs: [@Sendable () -> Job] = []
        if read.previous {
            let previousOptions = figuresOnly.with(period: plan.previousPeriod)
            jobs.append {
                .output(.previous(Analysis.trendMonth(dataset, options: previousOptions, metrics: plan.trendMetrics)
                    .values[.overall]))
            }
        }
        if let current {
            jobs += Analysis.overallHalves(current).map { half in { .currentHalf(half()) } }
            var dimensions: [CohortDimension] = []
            for dimension in plan.dimensions where !dimensions.contains(dimension) {
                dimensions.append(dimension)
                let families = plan.dimensionFamilies[dimension] ?? Set(MetricFamily.allCases)
                jobs.append {
                    .output(.dimension(dimension, Analysis.dimensionCohorts(of: current, by: dimension,
                                                                            families: families)))
                }
            }
        }
        // Newest first: the largest months start first.
        jobs += ParallelTrend.monthJobs(dataset, options: figuresOnly, metrics: plan.trendMetrics,
                                        months: read.months.reversed()).map { month in { .output(.month(month())) } }
        var outputs: [Output] = []
        var currentHalves: [Analysis.OverallHalf] = []
        for job in ParallelJobs.run(jobs) {
            switch job {
            case .output(let output): outputs.append(output)
            case .currentHalf(let half): currentHalves.append(half)
            }
        }
        if let current { outputs.append(.current(Analysis.result(current, halves: currentHalves))) }
        return outputs
    }

    /// The report's analyses from every read's outputs: a calendar-month P is the trend's newest
    /// month (`TrendMonth(_:)`); without a previous period of its own, the previous period's
    /// figures are the trend's next-to-last values.
    static func gather(_ outputs: [Output], _ plan: ReportPlan) -> Analyses {
        var overall: AnalysisResult?
        var cohorts: [CohortDimension: [CohortResult]] = [:]
        var previous: MetricSet?
        var months: [TrendMonth] = []
        for output in outputs {
            switch output {
            case .current(let result): overall = result
            case .dimension(let dimension, let results): cohorts[dimension] = results
            case .previous(let metrics): previous = metrics
            case .month(let month): months.append(month)
            }
        }
        guard let overall else { preconditionFailure("every report analyses P") }
        if plan.period == plan.lastMonth, !plan.trendMetrics.isEmpty, plan.trendMonths > 0 {
            months.append(TrendMonth(overall))
        }
        months.sort { $0.period.from < $1.period.from }
        var result = Analyses(current: overall, byDimension: Analysis.byDimension(overall, cohorts))
        if !months.isEmpty { result.trends = Analysis.trend(months, metrics: plan.trendMetrics) }
        if let previous {
            result.previous = PreviousPeriod(period: plan.previousPeriod, metrics: previous)
        } else if let point = result.trends.first?.points.dropLast().last {
            var metrics = MetricSet()
            for trend in result.trends { if let value = trend.points.dropLast().last?.value { metrics.set(trend.metric, value) } }
            result.previous = PreviousPeriod(period: point.period, metrics: metrics)
        }
        return result
    }
}

extension ProvenanceEntry {
    /// A load-log row as the appendix prints it: the file's name without the folder it was loaded from.
    init(_ entry: LoadLogEntry) {
        let reasons = entry.rejectsByReason.map { RejectCount(reason: $0.key.rawValue, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
        self.init(file: (entry.file as NSString).lastPathComponent, table: entry.table, sha256: entry.sha256, read: entry.read,
                  loaded: entry.loaded, updated: entry.updated, duplicates: entry.duplicates, rejected: entry.rejected,
                  rejectsByReason: reasons, loadedAt: entry.loadedAt, isReload: entry.reloadOf != nil)
    }
}
