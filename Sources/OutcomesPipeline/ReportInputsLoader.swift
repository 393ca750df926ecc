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
        /// P's overall cohort analysed for post-discharge deterioration alone (`Read.followUpOfP`).
        case followUp(CohortResult)
    }

    /// One job's result: an analysis's, or half of the overall cohort of P.
    private enum Job: Sendable {
        case output(Output)
        case currentHalf(Analysis.OverallHalf)
    }

    /// The analyses `read` asks of `dataset`: P overall (the overall cohort once, in two halves),
    /// each dimension's cohorts, P's follow-up cohort, the previous period and each trend month:
    /// one job each, on every core. The previous period is analysed as a trend month is, for the trend's metrics alone:
    /// a report prints no other figure of it (the headline table's previous column), and its
    /// window then reaches back no further than the year itself. Analysed with every family,
    /// equity and the watch list, with two years of history at 200,000 episodes a year, `report
    /// qi-review` took 7.8 s instead of 7.2 and `report accreditation` 7.4 instead of 6.2.
    func analyze(_ dataset: AnalysisDataset, _ plan: ReportPlan, _ read: Read) -> [Output] {
        let figuresOnly = options.withoutTrajectories  // only P's overall cohort draws them
        let currentOptions = (plan.drawsTrajectories ? options : figuresOnly).with(period: plan.period)
        let current = read.current
            ? CohortContext(dataset: dataset, options: currentOptions, families: read.currentFamilies) : nil
        var jobs: [@Sendable () -> Job] = []
        if read.followUpOfP {
            let family: Set<MetricFamily> = [.postDischargeDeterioration]
            let followUp = CohortContext(dataset: dataset, options: figuresOnly.with(period: plan.period),
                                         families: family)
            jobs.append { .output(.followUp(CohortResult(key: .overall, context: followUp, families: family))) }
        }
        if read.previous {
            let previousOptions = figuresOnly.with(period: plan.previousPeriod)
            jobs.append {
                .output(.previous(Analysis.trendMonth(dataset, options: previousOptions, metrics: plan.trendMetrics)
                    .values[.overall]))
            }
        }
        if let current {
            let halves = Analysis.overallHalves(current, families: read.currentFamilies)
            jobs += halves.map { half in { .currentHalf(half()) } }
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
        if let current {
            outputs.append(.current(Analysis.result(current, halves: currentHalves, families: read.currentFamilies)))
        }
        return outputs
    }

    /// The report's analyses from every read's outputs: P's overall cohort takes its
    /// post-discharge deterioration from its follow-up cohort's read, when read apart; a
    /// calendar-month P is the trend's newest month (`TrendMonth(_:)`); without a previous period
    /// of its own, the previous period's figures are the trend's next-to-last values.
    static func gather(_ outputs: [Output], _ plan: ReportPlan) -> Analyses {
        var current: AnalysisResult?
        var cohorts: [CohortDimension: [CohortResult]] = [:]
        var previous: MetricSet?
        var months: [TrendMonth] = []
        var followUp: CohortResult?
        for output in outputs {
            switch output {
            case .current(let result): current = result
            case .dimension(let dimension, let results): cohorts[dimension] = results
            case .previous(let metrics): previous = metrics
            case .month(let month): months.append(month)
            case .followUp(let cohort): followUp = cohort
            }
        }
        guard var overall = current else { preconditionFailure("every report analyses P") }
        if let followUp, let index = overall.cohorts.firstIndex(where: \.key.isOverall) {
            overall.cohorts[index].takeDeterioration(from: followUp, families: Set(MetricFamily.allCases))
        }
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
