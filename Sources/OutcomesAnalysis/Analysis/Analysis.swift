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
    /// The early-warning watch list of the overall cohort's active episodes at the end of P
    /// (internal reports only): computed once per analysis, not per cohort.
    public var watchList: WatchList

    /// The overall cohort.
    public var overall: CohortResult? { cohorts.first { $0.key.isOverall } }

    public func cohort(_ key: CohortKey) -> CohortResult? { cohorts.first { $0.key == key } }
}

/// Entry points: analyze a period overall and by cohorts, and repeat metrics month by month.
///
/// ```swift
/// var builder = AnalysisDataset.Builder(episodes: episodes, registry: registry)
/// for session in sessionRows { builder.append(session) }   // likewise assessments, goals, events
/// let options = AnalysisOptions(period: Period.month("2026-10")!)
/// let result = Analysis.analyze(builder.build(), options: options, by: [.program])
/// print(AnalysisJSON.encode(result))
/// ```
public enum Analysis {
    /// Computes every metric for P overall and for each combination of `dimensions` present among
    /// the episodes that matter for P. Cohort membership is by episode attributes; sessions,
    /// assessments and goals follow their episode, events the patient's episodes. The overall
    /// cohort's two halves (`overallHalves`) and the dimensions' cohorts are computed on all cores.
    public static func analyze(_ dataset: AnalysisDataset, options: AnalysisOptions,
                               by dimensions: [CohortDimension] = []) -> AnalysisResult {
        enum Part: Sendable {
            case overall(OverallHalf)
            case dimensions([CohortResult])
        }
        let dimensions = unique(dimensions)
        let overall = CohortContext(dataset: dataset, options: options)
        // The dimensions' cohorts first: together they take about as long as both halves.
        var jobs: [@Sendable () -> Part] = []
        if !dimensions.isEmpty {
            jobs.append {
                .dimensions(cohortContexts(dataset, overall: overall, options: options, by: dimensions)
                    .map { CohortResult(key: $0.key, context: $0.context) })
            }
        }
        jobs += overallHalves(overall).map { half in { .overall(half()) } }
        var halves: [OverallHalf] = []
        var cohorts: [CohortResult] = []
        for part in ParallelJobs.run(jobs) {
            switch part {
            case .overall(let half): halves.append(half)
            case .dimensions(let results): cohorts += results
            }
        }
        return result(overall, halves: halves, dimensions: dimensions, cohorts: cohorts)
    }

    /// One half of the analysis of P's overall cohort (`overallHalves`).
    public enum OverallHalf: Sendable {
        /// Its score families, and equity (which reads their outcomes).
        case scores(CohortResult.ScoreFamilies, Equity)
        /// Its other families, and the watch list (which reads disengagement).
        case services(CohortResult.ServiceFamilies, WatchList)
    }

    /// The analysis of the overall cohort `overall` as two jobs of about equal length, for two
    /// cores: at 200,000 episodes the overall cohort of a 12-month P took one core 2.5 s while
    /// the other finished every other job of the QI review. `families` are computed (every one
    /// by default; a report whose P's follow-up cohort is read apart leaves that family out).
    public static func overallHalves(_ overall: CohortContext, families: Set<MetricFamily> = Set(MetricFamily.allCases))
        -> [@Sendable () -> OverallHalf] {
        [{
            let scores = CohortResult.ScoreFamilies(key: .overall, context: overall, families: families)
            return .scores(scores, Equity(overall, outcomes: scores.outcomes))
        }, {
            let services = CohortResult.ServiceFamilies(context: overall, families: families)
            return .services(services, WatchList(overall, disengagement: services.disengagement))
        }]
    }

    /// P's analysis from the two halves of its overall cohort `overall` (`overallHalves`, in
    /// either order, of `families`) and the cohorts of `dimensions`.
    public static func result(_ overall: CohortContext, halves: [OverallHalf], dimensions: [CohortDimension] = [],
                              cohorts: [CohortResult] = [],
                              families: Set<MetricFamily> = Set(MetricFamily.allCases)) -> AnalysisResult {
        var scored: (CohortResult.ScoreFamilies, Equity)?
        var served: (CohortResult.ServiceFamilies, WatchList)?
        for half in halves {
            switch half {
            case .scores(let scores, let equity): scored = (scores, equity)
            case .services(let services, let watchList): served = (services, watchList)
            }
        }
        guard let (scores, equity) = scored, let (services, watchList) = served else {
            preconditionFailure("the overall cohort is made of both its halves")
        }
        let result = CohortResult(key: .overall, context: overall, families: families, scores: scores,
                                  services: services)
        return AnalysisResult(period: overall.period, windows: overall.windows, dimensions: dimensions,
                              cohorts: [result] + cohorts, equity: equity, unmatched: overall.dataset.unmatched,
                              watchList: watchList)
    }

    /// The early-warning watch list of P alone (`analyze --watch-list`): what `analyze` lists,
    /// from the overall cohort's disengagement flags, without the other families, equity or
    /// cohorts (at 200,000 episodes those were a fifth of the command's time).
    public static func watchList(_ dataset: AnalysisDataset, options: AnalysisOptions) -> WatchList {
        let overall = CohortContext(dataset: dataset, options: options)
        return WatchList(overall, disengagement: Disengagement(overall))
    }

    /// Each of `metrics` for each of the `months` calendar months ending with P, overall and per
    /// cohort: one series per cohort and metric, oldest month first.
    public static func trend(_ dataset: AnalysisDataset, options: AnalysisOptions, metrics: [String],
                             months: Int = 12, by dimensions: [CohortDimension] = []) -> [MetricTrend] {
        let months = options.period.trailingMonths(months).map { month in
            trendMonth(dataset, options: options.with(period: month), metrics: metrics, by: dimensions)
        }
        return trend(months, metrics: metrics)
    }

    /// One month of a trend (`options.period`, a calendar month; a report's previous period is
    /// analysed the same way): `metrics` for the overall cohort and each combination of
    /// `dimensions` present that month. Months are independent of each other, so a trend's months
    /// can be computed in any order, on any core.
    public static func trendMonth(_ dataset: AnalysisDataset, options: AnalysisOptions, metrics: [String],
                                  by dimensions: [CohortDimension] = []) -> TrendMonth {
        let families = MetricFamily.needed(for: metrics)
        // Cut by dimensions, the cohorts present are those of every episode that can matter for the
        // month; the overall cohort alone is always present, so it walks only its families' episodes.
        let contexts = dimensions.isEmpty
            ? [(key: CohortKey.overall, context: CohortContext(dataset: dataset, options: options, families: families))]
            : cohortContexts(dataset, options: options, by: unique(dimensions), families: families)
        var values: [CohortKey: MetricSet] = [:]
        for (key, context) in contexts {
            values[key] = CohortResult(key: key, context: context, families: families).metrics
        }
        return TrendMonth(period: options.period, values: values)
    }

    /// The series of `months` (oldest first): one per cohort present in any month (in cohort
    /// order) and metric; a month in which the cohort is absent has a nil value.
    public static func trend(_ months: [TrendMonth], metrics: [String]) -> [MetricTrend] {
        let keys = Set(months.flatMap(\.values.keys)).sorted()
        return keys.flatMap { key in
            metrics.map { id in
                let points = months.map { TrendPoint(period: $0.period, value: $0.values[key]?[id]) }
                return MetricTrend(key: key, metric: id, points: points)
            }
        }
    }

    /// The overall cohort, then one per combination of dimension values among the episodes that
    /// matter for P's indicators of `families` (every family by default), ordered by their values:
    /// a trend month cut by program for attendance alone has no cohort for a program whose only
    /// episode lies in its retention year, however far back its read reached.
    static func cohortContexts(_ dataset: AnalysisDataset, options: AnalysisOptions, by dimensions: [CohortDimension],
                               families: Set<MetricFamily> = Set(MetricFamily.allCases))
        -> [(key: CohortKey, context: CohortContext)] {
        let overall = CohortContext(dataset: dataset, options: options, families: families)
        return [(key: CohortKey.overall, context: overall)]
            + cohortContexts(dataset, overall: overall, options: options, by: dimensions)
    }

    /// One cohort per combination of `dimensions` values among the members of `overall`, ordered
    /// by their values (none when `dimensions` is empty).
    static func cohortContexts(_ dataset: AnalysisDataset, overall: CohortContext, options: AnalysisOptions,
                               by dimensions: [CohortDimension]) -> [(key: CohortKey, context: CohortContext)] {
        var contexts: [(key: CohortKey, context: CohortContext)] = []
        guard !dimensions.isEmpty else { return contexts }
        var groups = [[String]: [Int]]()
        let episodes = dataset.episodes
        for position in overall.members {
            groups[dimensions.map { $0.value(ofEpisodeAt: position, in: episodes) }, default: []].append(position)
        }
        for values in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let key = CohortKey(zip(dimensions, values).map { CohortKey.Component($0, $1) })
            let context = CohortContext(dataset: dataset, options: options, windows: overall.windows,
                                        members: groups[values] ?? [])
            contexts.append((key, context))
        }
        return contexts
    }

    static func unique(_ dimensions: [CohortDimension]) -> [CohortDimension] {
        var seen = Set<CohortDimension>()
        return dimensions.filter { seen.insert($0).inserted }
    }
}

/// One metric of one cohort month by month.
public struct MetricTrend: Hashable, Sendable {
    public var key: CohortKey
    public var metric: String
    /// One per month, oldest first; a month in which the cohort had no episode has a nil value.
    public var points: [TrendPoint]

    /// A series from its parts.
    public init(key: CohortKey, metric: String, points: [TrendPoint]) {
        self.key = key
        self.metric = metric
        self.points = points
    }
}

/// One month of a trend: each cohort's metric values that month (`Analysis.trendMonth`).
public struct TrendMonth: Sendable {
    /// The calendar month.
    public var period: Period
    /// The metrics of each cohort present in the month.
    public var values: [CohortKey: MetricSet]

    /// A month's values.
    public init(period: Period, values: [CohortKey: MetricSet]) {
        self.period = period
        self.values = values
    }

    /// The month `result` analysed in full, every cohort with all its metrics: a trend ending
    /// with a calendar-month P takes P's own analysis as its newest month instead of analysing
    /// P a second time (`trendMonth` computes the same figures, fewer of them).
    public init(_ result: AnalysisResult) {
        let values = result.cohorts.map { ($0.key, $0.metrics) }
        self.init(period: result.period, values: Dictionary(values, uniquingKeysWith: { first, _ in first }))
    }
}

/// A metric's value in one month; nil when the cohort was absent or the metric not computed that month.
public struct TrendPoint: Hashable, Sendable {
    public var period: Period
    public var value: MetricValue?

    /// A month's value (nil when the cohort was absent).
    public init(period: Period, value: MetricValue?) {
        self.period = period
        self.value = value
    }
}

extension TrendPoint {
    /// `YYYY-MM` of the month (the label of a chart point).
    public var label: String { period.from.monthKey }
}
