import OutcomesCore

/// Everything `analyze` produces for P: the overall cohort first, then one cohort per
/// combination of dimension values present, ordered by their values.
public struct AnalysisResult: Sendable {
    public var period: Period
    public var windows: AnalysisWindows
    public var dimensions: [CohortDimension]
    public var cohorts: [CohortResult]
    /// Key outcomes by race, ethnicity, sex, age band and payer, over the overall cohort.
    public var equity: Equity
    /// Rows that referred to no known episode or patient.
    public var unmatched: UnmatchedRows

    /// The overall cohort.
    public var overall: CohortResult? { cohorts.first { $0.key.isOverall } }

    public func cohort(_ key: CohortKey) -> CohortResult? { cohorts.first { $0.key == key } }
}

/// Entry points: analyze a period overall and by cohorts, and repeat metrics month by month.
public enum Analysis {
    /// Computes every metric for P overall and for each combination of `dimensions` present among
    /// the episodes that matter for P. Cohort membership is by episode attributes; sessions,
    /// assessments and goals follow their episode, events the patient's episodes.
    public static func analyze(_ dataset: AnalysisDataset, options: AnalysisOptions,
                               by dimensions: [CohortDimension] = []) -> AnalysisResult {
        var seen = Set<CohortDimension>()
        let dimensions = dimensions.filter { seen.insert($0).inserted }
        let overall = CohortContext(dataset: dataset, options: options)
        var cohorts = [CohortResult(key: .overall, context: overall)]
        if !dimensions.isEmpty {
            var groups = [[String]: [Int]]()
            for position in overall.members {
                let episode = dataset.episodes[position]
                groups[dimensions.map { $0.value(of: episode) }, default: []].append(position)
            }
            for values in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let key = CohortKey(zip(dimensions, values).map { CohortKey.Component($0, $1) })
                let context = CohortContext(dataset: dataset, options: options, windows: overall.windows,
                                            members: groups[values] ?? [])
                cohorts.append(CohortResult(key: key, context: context))
            }
        }
        let equity = Equity(overall, outcomes: cohorts[0].outcomes)
        return AnalysisResult(period: options.period, windows: overall.windows, dimensions: dimensions,
                              cohorts: cohorts, equity: equity, unmatched: dataset.unmatched)
    }

    /// Each of `metrics` for each of the `months` calendar months ending with P, overall and per
    /// cohort: one series per cohort and metric, oldest month first.
    public static func trend(_ dataset: AnalysisDataset, options: AnalysisOptions, metrics: [String],
                             months: Int = 12, by dimensions: [CohortDimension] = []) -> [MetricTrend] {
        var series = [CohortKey: [String: [TrendPoint]]]()
        var keys: [CohortKey] = []
        for month in options.period.trailingMonths(months) {
            let result = analyze(dataset, options: options.with(period: month), by: dimensions)
            for cohort in result.cohorts {
                if series[cohort.key] == nil { keys.append(cohort.key) }
                for id in metrics {
                    let point = TrendPoint(period: month, value: cohort.metrics[id])
                    series[cohort.key, default: [:]][id, default: []].append(point)
                }
            }
        }
        return keys.sorted().flatMap { key in
            metrics.map { id in MetricTrend(key: key, metric: id, points: series[key]?[id] ?? []) }
        }
    }
}

/// One metric of one cohort month by month.
public struct MetricTrend: Hashable, Sendable {
    public var key: CohortKey
    public var metric: String
    /// Only months in which the cohort existed; oldest first.
    public var points: [TrendPoint]
}

/// A metric's value in one month; nil when the metric was not computed that month.
public struct TrendPoint: Hashable, Sendable {
    public var period: Period
    public var value: MetricValue?
}
