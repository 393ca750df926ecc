import OutcomesCore

/// Disclosure control of metric sets published by cohort (`analyze --suppress`, and each month
/// of its `--trend`): the whole run is one output. Its cells are every metric's counts (a rate's
/// numerator and denominator, a mean's or a count's n), one cell per denominator that several
/// rates of a cohort share (same unit, same subject, same count); its relations are the cohorts
/// of each dimension summing to the overall cohort (with an unprinted remainder when some
/// episodes are in no cohort shown), pairs + no pair = scored discharges per instrument, and the discharge reasons
/// summing to the discharges. A metric any of whose counts is withheld is withheld whole: its
/// value with the counts shown would give the withheld one back.
public enum MetricDisclosure {
    /// One period's cohorts: the overall cohort (empty key) and the cohorts that cut it.
    public typealias Cohorts = [(key: CohortKey, metrics: MetricSet)]

    /// The withheld metrics of each cohort, with the mark each is printed with.
    public typealias Marks = [CohortKey: [String: DisclosureMark]]

    /// Protects `groups` (one per period printed: P, or each month of a trend) as one output.
    /// - Returns: the marks of each group, in order, and whether the audit found every "<11"
    ///   count still anywhere from 1 to 10.
    public static func protect(_ groups: [Cohorts]) -> (marks: [Marks], isProtected: Bool) {
        let (builder, decision) = decide(groups)
        var marks = [Marks](repeating: [:], count: groups.count)
        for (metric, cells) in builder.cellsOfMetric {
            let cellMarks = cells.map { decision.marks[$0] }
            let mark: DisclosureMark? = cellMarks.contains(.primary) ? .primary
                : cellMarks.contains(.complementary) ? .complementary : nil
            if let mark { marks[metric.group][metric.cohort, default: [:]][metric.id] = mark }
        }
        return (marks, decision.isProtected)
    }

    /// The output `groups` make and the decision of disclosure control on it, for audits.
    public static func decision(_ groups: [Cohorts]) -> (output: DisclosureOutput, decision: DisclosureControl.Decision) {
        let (builder, decision) = decide(groups)
        return (builder.output, decision)
    }

    private static func decide(_ groups: [Cohorts]) -> (Builder, DisclosureControl.Decision) {
        var builder = Builder()
        for (number, cohorts) in groups.enumerated() { builder.add(group: number, cohorts) }
        return (builder, DisclosureControl.protect(builder.output))
    }

    /// Protects the points of `trends` (`analyze --trend --suppress`) as one output, each month
    /// a group of cohorts. - Returns: the marks by month (`YYYY-MM`), and whether every "<11"
    /// count is protected.
    public static func protect(trends: [MetricTrend]) -> (marks: [String: Marks], isProtected: Bool) {
        let (months, groups) = monthGroups(trends)
        let (marks, isProtected) = protect(groups)
        return (Dictionary(uniqueKeysWithValues: zip(months, marks)), isProtected)
    }

    /// The months of `trends` (`YYYY-MM`, oldest first), each as a group of cohorts holding
    /// the month's value of every metric of each cohort.
    public static func monthGroups(_ trends: [MetricTrend]) -> (months: [String], groups: [Cohorts]) {
        let months = trends.first?.points.map(\.label) ?? []
        let keys = trends.reduce(into: [CohortKey]()) { keys, trend in if !keys.contains(trend.key) { keys.append(trend.key) } }
        let groups: [Cohorts] = months.indices.map { month in
            keys.map { key in
                var metrics = MetricSet()
                for trend in trends where trend.key == key {
                    if month < trend.points.count, let value = trend.points[month].value { metrics.set(trend.metric, value) }
                }
                return (key: key, metrics: metrics)
            }
        }
        return (months, groups)
    }
}
