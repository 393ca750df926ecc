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
        let (months, groups) = groups(of: trends)
        let (marks, isProtected) = protect(groups)
        return (Dictionary(uniqueKeysWithValues: zip(months, marks)), isProtected)
    }

    /// The months of `trends` (`YYYY-MM`) and each month's cohorts, as `protect` takes them.
    public static func groups(of trends: [MetricTrend]) -> (months: [String], groups: [Cohorts]) {
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

    /// A metric of one cohort of one group.
    struct MetricPlace: Hashable {
        var group: Int
        var cohort: CohortKey
        var id: String
    }

    /// Turns cohorts' metric sets into the cells and relations of one output.
    struct Builder {
        var output = DisclosureOutput()
        var cellsOfMetric: [MetricPlace: [Int]] = [:]
        /// A metric's count cells by role ("num", "den", "n").
        var roles: [MetricPlace: [String: Int]] = [:]
        private var related: Set<[Int]> = []

        mutating func add(group: Int, _ cohorts: Cohorts) {
            for cohort in cohorts {
                for entry in cohort.metrics.entries { addCells(MetricPlace(group: group, cohort: cohort.key, id: entry.id),
                                                               entry.value) }
                relateWithinCohort(group: group, cohort.key, cohort.metrics)
            }
            relateCohorts(group: group, cohorts)
        }

        private mutating func addCells(_ place: MetricPlace, _ value: MetricValue) {
            let prefix = "\(place.group)|\(place.cohort)|"
            switch value {
            case .proportion(_, let num, let den):
                let resolved = MetricRegistry.resolve(place.id)
                let unit = resolved.map { "\($0.slot)|\($0.definition.unit)" } ?? place.id
                let numCell = output.cell(prefix + place.id + "|num", value: num)
                let denCell = output.cell(prefix + "den|\(unit)|\(den)", value: den)
                roles[place] = ["num": numCell, "den": denCell]
                cellsOfMetric[place] = [numCell, denCell]
            case .statistic(_, let n, _, _):
                let nCell = output.cell(prefix + place.id + "|n", value: n)
                roles[place] = ["n": nCell]
                cellsOfMetric[place] = [nCell]
            }
        }

        /// Pairs + no pair = scored discharges, per instrument; the discharge reasons sum to the discharges.
        private mutating func relateWithinCohort(group: Int, _ cohort: CohortKey, _ metrics: MetricSet) {
            func cell(_ id: String, _ role: String) -> Int? { roles[MetricPlace(group: group, cohort: cohort, id: id)]?[role] }
            for id in metrics.ids where id.hasPrefix("outcomes.") && id.hasSuffix(".pairs") {
                let instrument = String(id.dropFirst("outcomes.".count).dropLast(".pairs".count))
                if let scored = cell(id, "den"), let pairs = cell(id, "num"),
                   let noPair = cell(MetricID.outcome(instrument, "no_pair"), "n") {
                    output.relate(total: scored, parts: [pairs, noPair])
                }
            }
            let reasons = DischargeReason.allCases.map(MetricID.dischargeReason)
            let parts = reasons.compactMap { cell($0, "num") }
            let totals = Set(reasons.compactMap { cell($0, "den") })
            if parts.count == reasons.count, totals.count == 1, let total = totals.first {
                output.relate(total: total, parts: parts)
            }
        }

        /// For every count, the overall cohort is the sum of each dimension's cohorts and an
        /// unprinted remainder (episodes whose value no cohort shows).
        private mutating func relateCohorts(group: Int, _ cohorts: Cohorts) {
            guard let overall = cohorts.first(where: { $0.key.isOverall }) else { return }
            let byDimensions = Dictionary(grouping: cohorts.filter { !$0.key.isOverall }) {
                $0.key.components.map(\.dimension.rawValue).joined(separator: ",")
            }
            for (dimensions, parts) in byDimensions.sorted(by: { $0.key < $1.key }) {
                for id in overall.metrics.ids {
                    guard let totalRoles = roles[MetricPlace(group: group, cohort: overall.key, id: id)] else { continue }
                    for (role, total) in totalRoles.sorted(by: { $0.key < $1.key }) {
                        let partCells = parts.compactMap { roles[MetricPlace(group: group, cohort: $0.key, id: id)]?[role] }
                        let remainder = output.cells[total].value - partCells.reduce(0) { $0 + output.cells[$1].value }
                        guard remainder >= 0 else { continue }  // cohorts that overlap: no sum to publish
                        var summed = partCells
                        if remainder > 0 {
                            summed.append(output.cell("rest of \(dimensions) in \(output.cells[total].name)",
                                                      value: remainder, isDisplayed: false))
                        }
                        if related.insert([total] + summed).inserted { output.relate(total: total, parts: summed) }
                    }
                }
            }
        }
    }
}
