import OutcomesAnalysis
import OutcomesCore

/// `Analysis.trend` on both cores: the older and the recent half of the months are computed at
/// once and joined, cohort by cohort, into the series one computation would give.
public enum ParallelTrend {
    /// The series of `Analysis.trend(dataset, options:, metrics:, months:, by:)`, computed in two halves.
    public static func trend(_ dataset: AnalysisDataset, options: AnalysisOptions, metrics: [String], months: Int,
                             by dimensions: [CohortDimension] = []) -> [MetricTrend] {
        let periods = options.period.trailingMonths(months)
        guard periods.count >= 2 else {
            return Analysis.trend(dataset, options: options, metrics: metrics, months: months, by: dimensions)
        }
        let older = Array(periods.prefix(periods.count - periods.count / 2))
        let recent = Array(periods.suffix(periods.count / 2))
        let halves = ParallelJobs.run([older, recent].map { part in
            { @Sendable in
                Analysis.trend(dataset, options: options.with(period: part[part.count - 1]), metrics: metrics,
                               months: part.count, by: dimensions)
            }
        })
        return join(halves[0], older, halves[1], recent, metrics: metrics)
    }

    /// Each cohort's series over both halves, in `Analysis.trend`'s order (cohorts sorted, then
    /// `metrics`); a cohort absent from a half has no value in its months.
    public static func join(_ first: [MetricTrend], _ firstMonths: [Period], _ second: [MetricTrend], _ secondMonths: [Period],
                     metrics: [String]) -> [MetricTrend] {
        struct Series: Hashable { var key: CohortKey, metric: String }
        func points(_ series: [MetricTrend]) -> [Series: [TrendPoint]] {
            Dictionary(series.map { (Series(key: $0.key, metric: $0.metric), $0.points) }) { first, _ in first }
        }
        let firstPoints = points(first)
        let secondPoints = points(second)
        let keys = Set(first.map(\.key) + second.map(\.key)).sorted()
        return keys.flatMap { key in
            metrics.map { metric in
                let series = Series(key: key, metric: metric)
                let early = firstPoints[series] ?? firstMonths.map { TrendPoint(period: $0, value: nil) }
                let late = secondPoints[series] ?? secondMonths.map { TrendPoint(period: $0, value: nil) }
                return MetricTrend(key: key, metric: metric, points: early + late)
            }
        }
    }
}
