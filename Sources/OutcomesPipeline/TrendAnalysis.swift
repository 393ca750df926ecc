import OutcomesAnalysis
import OutcomesCore
import OutcomesStore

/// `analyze --trend`: P analysed in full, and its metrics over the months ending with P's last
/// month, read from the store in runs of months (`TrendRuns`), newest run first.
public enum TrendAnalysis {
    /// The trend of P's metrics, and what P's analysis says of its period.
    public struct Output: Sendable {
        /// One series per cohort and metric, oldest month first.
        public var trends: [MetricTrend]
        /// `AnalysisResult.emptyPeriodNote` when nothing is recorded in P, else nil.
        public var emptyPeriodNote: String?
    }

    /// P (`options.period`) analysed by `dimensions`, and the trend over the `months` calendar
    /// months ending with P's last month of the metrics `metrics` picks from P's analysis.
    ///
    /// The newest run is read first: P's analysis decides which metrics the older months give.
    /// A run's months are analysed one job per month on every core; the older runs' are read for
    /// the families of those metrics only. All reads see one state of the database (`readingConsistently`).
    public static func analyze(_ db: OutcomesDatabase, options: AnalysisOptions, months: Int,
                               by dimensions: [CohortDimension] = [], registry: InstrumentRegistry,
                               metrics: (AnalysisResult) -> [String]) throws -> Output {
        // Every family: the older runs' families are known once P's analysis has picked the metrics.
        let runs = TrendRuns.runs(options.period.trailingMonths(months)) { _ in Set(MetricFamily.allCases) }
        return try db.readingConsistently {
            let (note, ids, newest) = try analyzeNewest(db, run: runs.last ?? [options.period], options: options,
                                                        by: dimensions, registry: registry, metrics: metrics)
            var analysed = newest
            let families = MetricFamily.needed(for: ids)
            for run in runs.dropLast().reversed() {
                let dataset = try DatasetLoader.read(db, periods: run.map { AnalysedPeriod($0, families: families) },
                                                     registry: registry)
                analysed += monthsOf(dataset, run, options, ids, dimensions)
            }
            analysed.sort { $0.period.from < $1.period.from }
            return Output(trends: Analysis.trend(analysed, metrics: ids), emptyPeriodNote: note)
        }
    }

    /// The newest run and P, read with every family: P analysed in full, the metrics `metrics`
    /// picks from it, and the run's months for those metrics (its dataset and P's analysis freed
    /// on return: holding that analysis while the older runs were read added 5 MB to the peak of
    /// a 12-month trend at 1,000,000 episodes). A
    /// calendar-month P is the run's newest month, given by its own analysis; any other P's
    /// figures are not a month's, so each month of the run is analysed.
    private static func analyzeNewest(_ db: OutcomesDatabase, run: [Period], options: AnalysisOptions,
                                      by dimensions: [CohortDimension], registry: InstrumentRegistry,
                                      metrics: (AnalysisResult) -> [String]) throws
        -> (emptyPeriodNote: String?, metrics: [String], months: [TrendMonth]) {
        let others = run.filter { $0 != options.period }
        let dataset = try DatasetLoader.read(db, periods: AnalysedPeriod.allFamilies([options.period] + others),
                                             registry: registry)
        let result = Analysis.analyze(dataset, options: options, by: dimensions)
        let ids = metrics(result)
        let own = others.count < run.count ? [TrendMonth(result)] : []
        let note = result.nothingRecordedInPeriod ? result.emptyPeriodNote : nil
        return (note, ids, own + monthsOf(dataset, others, options, ids, dimensions))
    }

    /// `months` of `dataset`, one job per month on every core (newest first: the largest start first).
    private static func monthsOf(_ dataset: AnalysisDataset, _ months: [Period], _ options: AnalysisOptions,
                                 _ metrics: [String], _ dimensions: [CohortDimension]) -> [TrendMonth] {
        ParallelJobs.run(ParallelTrend.monthJobs(dataset, options: options, metrics: metrics,
                                                 months: months.reversed(), by: dimensions))
    }
}
