/// Small-cell suppression of metric sets published per cohort (`analyze --suppress`).
public enum MetricSuppression {
    /// The metrics to withhold in each cohort: every metric whose numerator, denominator or n
    /// is 1 to 10, and, complementarily, enough other cohorts' figures that no hidden count can
    /// be recovered by subtracting the shown cohorts from the overall figure. `cohorts` holds
    /// the overall cohort (the empty key) and the cohorts that partition it.
    public static func hidden(_ cohorts: [(key: CohortKey, metrics: MetricSet)]) -> [CohortKey: Set<String>] {
        var hidden: [CohortKey: Set<String>] = [:]
        guard let overall = cohorts.first(where: { $0.key.isOverall }) else { return hidden }
        let parts = cohorts.filter { !$0.key.isOverall }
        for id in overall.metrics.ids {
            let overallCounts = Counts(overall.metrics[id])
            let partCounts = parts.map { Counts($0.metrics[id]) }
            for count in [\Counts.first, \Counts.second] {
                guard let total = overallCounts[keyPath: count] else { continue }
                // The overall figure is the published total of the cohorts' figures.
                let flags = SmallCellSuppression.hiddenFlags(counts: partCounts.map { $0[keyPath: count] ?? 0 }, total: total)
                if flags.last == true { hidden[overall.key, default: []].insert(id) }
                for (part, flag) in zip(parts, flags) where flag {
                    hidden[part.key, default: []].insert(id)
                }
            }
        }
        return hidden
    }

    /// The counts behind a metric: numerator and denominator of a proportion, n of a statistic.
    private struct Counts {
        var first: Int?
        var second: Int?

        init(_ value: MetricValue?) {
            switch value {
            case .proportion(_, let num, let den): (first, second) = (num, den)
            case .statistic(_, let n, _, _): (first, second) = (n, nil)
            case nil: (first, second) = (nil, nil)
            }
        }
    }
}
