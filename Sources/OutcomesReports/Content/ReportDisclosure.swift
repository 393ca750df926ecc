import OutcomesAnalysis
import OutcomesCore

/// One external report (or external chart) as one output of disclosure control (SPEC section
/// 6): every count any of its tables and charts prints, on every page, is a cell of one
/// `DisclosureOutput`, so that no figure on one page gives back a count withheld on another.
///
/// The report is laid out twice. The first pass records what each table and chart prints (its
/// metrics, by period and cohort, and the counts that are no metric, with their relations);
/// `protect()` then runs disclosure control once on the whole; the second pass prints every
/// count from its mark.
final class ReportDisclosure {
    /// A count the report prints or relies on.
    enum Count: Hashable {
        /// A count of a metric (`MetricDisclosure` names and relates these).
        case metric(MetricDisclosure.MetricPlace, MetricDisclosure.Role)
        /// A count that is no metric: a cell of a cross table, a bar of a chart.
        case named(String)

        /// A count of a metric of P.
        static func current(_ id: String, _ role: MetricDisclosure.Role, cohort: CohortKey = .overall) -> Count {
            .metric(MetricDisclosure.MetricPlace(group: ReportDisclosure.current, cohort: cohort, id: id), role)
        }
    }

    /// The group of P's metrics (overall and by every dimension).
    static let current = 0
    /// The group of the previous period's overall metrics.
    static let previous = 1
    /// The group of one trend month's overall metrics.
    static func month(_ index: Int) -> Int { 2 + index }

    private let groups: [(number: Int, cohorts: MetricDisclosure.Cohorts)]
    private let metrics: [MetricDisclosure.MetricPlace: MetricValue]
    /// The month groups inside P, and inside the previous period.
    private let monthsOfPeriod: [Int: [Int]]

    private var printed: Set<MetricDisclosure.MetricPlace> = []
    private var referenced: Set<MetricDisclosure.MetricPlace> = []
    private var named: [String: (value: Int, isDisplayed: Bool)] = [:]
    private var namedOrder: [String] = []
    private var relations: [(total: Count, parts: [Count])] = []
    private var decided: (builder: MetricDisclosure.Builder, decision: DisclosureControl.Decision)?

    /// The report's figures: P overall and by each dimension, the previous period, the trend months.
    init(_ inputs: ReportInputs) {
        var current: MetricDisclosure.Cohorts = inputs.overall.map { [(key: CohortKey.overall, metrics: $0.metrics)] } ?? []
        for dimension in inputs.byDimension.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            current += inputs.cohorts(by: dimension).map { (key: $0.key, metrics: $0.metrics) }
        }
        var groups = [(number: Self.current, cohorts: current)]
        if let previous = inputs.previous { groups.append((Self.previous, [(key: .overall, metrics: previous.metrics)])) }
        let monthGroups = MetricDisclosure.monthGroups(inputs.trends.filter { $0.key.isOverall }).groups
        groups += monthGroups.enumerated().map { (Self.month($0), $1) }
        self.groups = groups
        var metrics: [MetricDisclosure.MetricPlace: MetricValue] = [:]
        for (number, cohorts) in groups {
            for cohort in cohorts {
                for entry in cohort.metrics.entries {
                    metrics[MetricDisclosure.MetricPlace(group: number, cohort: cohort.key, id: entry.id)] = entry.value
                }
            }
        }
        self.metrics = metrics
        let periods = inputs.trends.first?.points.map(\.period) ?? []
        func months(within period: Period) -> [Int] {
            periods.indices.filter { period.from <= periods[$0].from && periods[$0].to <= period.to }.map(Self.month)
        }
        monthsOfPeriod = [Self.current: months(within: inputs.period),
                          Self.previous: inputs.previous.map { months(within: $0.period) } ?? []]
    }

    /// True once `protect()` has run: the marks are final.
    var isDecided: Bool { decided != nil }

    /// Whether every "<11" count is protected (false only when no choice of complementary
    /// cells could protect one; the audit test checks the built-in reports).
    var isProtected: Bool { decided?.decision.isProtected ?? true }

    /// The value of a metric of the report.
    func value(_ place: MetricDisclosure.MetricPlace) -> MetricValue? { metrics[place] }

    /// The mark `count` is printed with. While recording (before `protect()`) the count is
    /// remembered as printed and marked by the small-count rule alone.
    func mark(_ count: Count, value: Int) -> DisclosureMark {
        guard let decided else {
            switch count {
            case .metric(let place, _): printed.insert(place)
            case .named(let name): record(name, value: value, isDisplayed: true)
            }
            return DisclosureControl.smallCounts.contains(value) ? .primary : .shown
        }
        return index(count, in: decided.builder).map { decided.decision.marks[$0] } ?? .shown
    }

    /// Records a count the report does not print but that relations need (a table's total no
    /// table shows).
    func declare(_ name: String, value: Int) {
        guard decided == nil else { return }
        record(name, value: value, isDisplayed: false)
    }

    /// Records that `total` is the sum of `parts` and of a remainder no figure shows.
    func relate(total: Count, parts: [Count]) {
        guard decided == nil else { return }
        for case .metric(let place, _) in [total] + parts { referenced.insert(place) }
        relations.append((total, parts))
    }

    /// Decides every mark, the whole report at once.
    func protect() {
        // Only the metrics the report prints or relates (a metric printed overall brings no cohort's)
        let kept = printed.union(referenced)
        let printed = printed
        var builder = MetricDisclosure.Builder { printed.contains($0) }
        for (number, cohorts) in groups {
            builder.add(group: number, cohorts.map { cohort in
                var metrics = MetricSet()
                for entry in cohort.metrics.entries
                where kept.contains(MetricDisclosure.MetricPlace(group: number, cohort: cohort.key, id: entry.id)) {
                    metrics.set(entry.id, entry.value)
                }
                return (key: cohort.key, metrics: metrics)
            })
        }
        for (period, months) in monthsOfPeriod.sorted(by: { $0.key < $1.key }) where !months.isEmpty {
            builder.relate(period: period, months: months)
        }
        for name in namedOrder {
            guard let cell = named[name] else { continue }
            _ = builder.cell(name, value: cell.value, isDisplayed: cell.isDisplayed)
        }
        for relation in relations {
            guard let total = index(relation.total, in: builder) else { continue }
            builder.relate(total: total, parts: relation.parts.compactMap { index($0, in: builder) }, remainderName: "rest of")
        }
        decided = (builder, DisclosureControl.protect(builder.output))
    }

    /// The output and the decision, for audits; nil before `protect()`.
    var decision: (output: DisclosureOutput, decision: DisclosureControl.Decision)? {
        decided.map { ($0.builder.output, $0.decision) }
    }

    private func record(_ name: String, value: Int, isDisplayed: Bool) {
        if let known = named[name] {
            named[name] = (known.value, known.isDisplayed || isDisplayed)
        } else {
            named[name] = (value, isDisplayed)
            namedOrder.append(name)
        }
    }

    private func index(_ count: Count, in builder: MetricDisclosure.Builder) -> Int? {
        switch count {
        case .metric(let place, let role): return builder.cell(place, role)
        case .named(let name): return builder.output.index(of: name)
        }
    }
}
