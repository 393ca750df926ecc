import OutcomesAnalysis
import OutcomesCore

/// The months of a trend as jobs for every core (`ParallelJobs`), one job per month (the newest,
/// usually the largest, first), so that a core that finishes early takes the next month instead
/// of waiting for a fixed share of them.
public enum ParallelTrend {
    /// One job per month of `months`, in their order (`options` give everything but the period).
    public static func monthJobs(_ dataset: AnalysisDataset, options: AnalysisOptions, metrics: [String],
                                 months: some Sequence<Period>,
                                 by dimensions: [CohortDimension] = []) -> [@Sendable () -> TrendMonth] {
        months.map { month in
            { Analysis.trendMonth(dataset, options: options.with(period: month), metrics: metrics, by: dimensions) }
        }
    }
}
