import OutcomesAnalysis
import OutcomesCore

/// `Analysis.trend` on every core: each month is one job (the newest, usually the largest,
/// first), so that a core that finishes early takes the next month instead of waiting for a
/// fixed share of them.
public enum ParallelTrend {
    /// The series of `Analysis.trend(dataset, options:, metrics:, months:, by:)`, a month per job.
    /// `newest`, when given, is the newest month already analysed (`TrendMonth(_:)`), taken as it is.
    public static func trend(_ dataset: AnalysisDataset, options: AnalysisOptions, metrics: [String], months: Int,
                             by dimensions: [CohortDimension] = [], newest: TrendMonth? = nil) -> [MetricTrend] {
        var jobs = monthJobs(dataset, options: options, metrics: metrics, months: months, by: dimensions)
        if let newest, newest.period == options.period, !jobs.isEmpty { jobs[0] = { newest } }
        return Analysis.trend(ParallelJobs.run(jobs).reversed(), metrics: metrics)
    }

    /// One job per month of the trend ending with `options.period`, newest first.
    public static func monthJobs(_ dataset: AnalysisDataset, options: AnalysisOptions, metrics: [String], months: Int,
                                 by dimensions: [CohortDimension] = []) -> [@Sendable () -> TrendMonth] {
        monthJobs(dataset, options: options, metrics: metrics, months: options.period.trailingMonths(months).reversed(),
                  by: dimensions)
    }

    /// One job per month of `months`, in their order (`options` give everything but the period).
    public static func monthJobs(_ dataset: AnalysisDataset, options: AnalysisOptions, metrics: [String],
                                 months: some Sequence<Period>,
                                 by dimensions: [CohortDimension] = []) -> [@Sendable () -> TrendMonth] {
        months.map { month in
            { Analysis.trendMonth(dataset, options: options.with(period: month), metrics: metrics, by: dimensions) }
        }
    }
}
