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
    public func load(_ plan: ReportPlan, programName: String, command: String, generatedOn: Day) throws -> ReportInputs {
        let dataset = try DatasetLoader.load(db, periods: Self.analyzedPeriods(plan), registry: registry)
        let analyses = analyze(dataset, plan)
        let overall = analyses.current
        let keys = dataset.patientKeys(ofEpisodes: Set(overall.watchList.entries.map(\.episodeID)))
        let provenance = ProvenanceSummary(
            loads: try db.loadLog().map(ProvenanceEntry.init),
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

    /// Every period a report analyses: P (every family), the previous period (every family, analysed
    /// on its own when P is longer than a month, else read from the trend) and the trend months
    /// ending with P's last month, for the families of the trend's metrics only.
    public static func analyzedPeriods(_ plan: ReportPlan) -> [AnalysedPeriod] {
        let trendFamilies = MetricFamily.needed(for: plan.trendMetrics)
        let months = plan.trendMetrics.isEmpty ? [] : plan.lastMonth.trailingMonths(plan.trendMonths)
        let previous = plan.period.isCalendarMonth ? [] : [AnalysedPeriod(plan.previousPeriod)]
        return [AnalysedPeriod(plan.period)] + previous + months.map { AnalysedPeriod($0, families: trendFamilies) }
    }
}

extension ReportInputsLoader {
    struct Analyses {
        var current: AnalysisResult
        var byDimension: [CohortDimension: AnalysisResult] = [:]
        var previous: PreviousPeriod?
        var trends: [MetricTrend] = []
    }

    /// P overall (the overall cohort once), each dimension's cohorts, each month of the trend
    /// and, for periods longer than a month, the previous period: one job each, on every core.
    func analyze(_ dataset: AnalysisDataset, _ plan: ReportPlan) -> Analyses {
        enum Output {
            case current(AnalysisResult)
            case dimension(CohortDimension, [CohortResult])
            case previous(AnalysisResult)
            case month(TrendMonth)
        }
        let current = (plan.drawsTrajectories ? options : options.withoutTrajectories).with(period: plan.period)
        var jobs: [@Sendable () -> Output] = [{ .current(Analysis.analyze(dataset, options: current)) }]
        var dimensions: [CohortDimension] = []
        for dimension in plan.dimensions where !dimensions.contains(dimension) {
            dimensions.append(dimension)
            let families = plan.dimensionFamilies[dimension] ?? Set(MetricFamily.allCases)
            jobs.append { .dimension(dimension, Analysis.dimensionCohorts(dataset, options: current, by: dimension, families: families)) }
        }
        let figuresOnly = options.withoutTrajectories  // only P's overall cohort draws them
        if !plan.period.isCalendarMonth {
            let previous = figuresOnly.with(period: plan.previousPeriod)
            jobs.append { .previous(Analysis.analyze(dataset, options: previous)) }
        }
        // A calendar-month P is the trend's newest month: P's own analysis gives its values.
        let trendEndsWithP = plan.period == plan.lastMonth
        if !plan.trendMetrics.isEmpty {
            let months = ParallelTrend.monthJobs(dataset, options: figuresOnly.with(period: plan.lastMonth),
                                                 metrics: plan.trendMetrics, months: plan.trendMonths)
            jobs += months.dropFirst(trendEndsWithP ? 1 : 0).map { month in { .month(month()) } }
        }
        var overall: AnalysisResult?
        var cohorts: [CohortDimension: [CohortResult]] = [:]
        var previous: AnalysisResult?
        var months: [TrendMonth] = []
        for output in ParallelJobs.run(jobs) {
            switch output {
            case .current(let result): overall = result
            case .dimension(let dimension, let results): cohorts[dimension] = results
            case .previous(let result): previous = result
            case .month(let month): months.append(month)
            }
        }
        guard let overall else { preconditionFailure("the first job is the analysis of P") }
        if trendEndsWithP, !plan.trendMetrics.isEmpty, plan.trendMonths > 0 {
            months.insert(TrendMonth(overall), at: 0)
        }
        var result = Analyses(current: overall, byDimension: Analysis.byDimension(overall, cohorts))
        if !months.isEmpty { result.trends = Analysis.trend(months.reversed(), metrics: plan.trendMetrics) }
        if let previous = previous?.overall {
            result.previous = PreviousPeriod(period: plan.previousPeriod, metrics: previous.metrics)
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
                  rejectsByReason: reasons, loadedAt: entry.loadedAt)
    }
}
