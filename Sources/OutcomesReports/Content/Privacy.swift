import Charts
import OutcomesAnalysis

/// Small-cell rules of the audience: an external report prints every count from its mark in
/// the report's one disclosure decision (`ReportDisclosure`): "<11" for a count of 1 to 10,
/// "suppressed" for a figure withheld to protect one, and a rate only when both its counts
/// are shown. Internal reports print everything. Tables and charts read every figure here.
struct Privacy {
    let external: Bool
    /// The report's figures and, for an external report, its disclosure decision.
    let disclosure: ReportDisclosure

    typealias Count = ReportDisclosure.Count

    /// The rules of `audience` for a report whose figures (and decision) `disclosure` holds.
    init(external: Bool, disclosure: ReportDisclosure) {
        self.external = external
        self.disclosure = disclosure
    }

    /// The rules of `audience` for a report of `inputs` on its own (recording until protected).
    init(external: Bool, inputs: ReportInputs) {
        self.init(external: external, disclosure: ReportDisclosure(inputs))
    }

    /// The mark of `count` (whose value is `value`).
    func mark(_ count: Count, _ value: Int) -> DisclosureMark {
        let mark = disclosure.mark(count, value: value)
        return external ? mark : .shown
    }

    /// A count as printed: the number, "<11" or "suppressed".
    func count(_ count: Count, _ value: Int) -> String {
        mark(count, value).label ?? Format.count(value)
    }

    /// A count for a chart: the number, or withheld with its mark.
    func chartCount(_ count: Count, _ value: Int) -> ChartValue {
        Self.chartValue(mark(count, value)) ?? .value(Double(value))
    }

    /// Records a count relations need that no table or chart prints.
    func declare(_ name: String, _ value: Int) { disclosure.declare(name, value: value) }

    /// Records that `total` is the sum of `parts` (and of units no part shows).
    func relate(total: Count, parts: [Count]) { disclosure.relate(total: total, parts: parts) }

    /// A rate cell: "81.2%" over "812 of 1,000"; withheld when either count is.
    func rate(_ num: Count, _ den: Count, _ numValue: Int, _ denValue: Int, digits: Int = 1) -> TableCell {
        guard denValue > 0 else { return TableCell("–", detail: "no cases") }
        let marks = (mark(num, numValue), mark(den, denValue))
        if marks.0.isWithheld || marks.1.isWithheld {
            let texts = (marks.0.label ?? Format.count(numValue), marks.1.label ?? Format.count(denValue))
            return TableCell("withheld", detail: "\(texts.0) of \(texts.1)", color: ReportStyle.secondary)
        }
        return TableCell(Format.percent(Double(numValue) / Double(denValue), digits: digits),
                         detail: "\(Format.count(numValue)) of \(Format.count(denValue))")
    }

    /// A metric of P's overall cohort as a cell.
    func cell(_ id: String) -> TableCell { cell(place(id)) }

    /// Any metric value of the report as a cell.
    func cell(_ place: MetricDisclosure.MetricPlace) -> TableCell {
        let id = place.id
        guard let value = value(place) else { return TableCell("–", detail: "not computed") }
        switch value {
        case .proportion(_, let num, let den): return rate(.metric(place, .num), .metric(place, .den), num, den)
        case .statistic(let v, let n, let low, let high):
            let nMark = mark(.metric(place, .n), n)
            let nText = nMark.label ?? Format.count(n)
            guard let v else {
                let text = id == MetricID.retentionMedian && n > 0 ? "Not reached" : "–"
                return TableCell(text, detail: "n = \(nText)")
            }
            if MetricRegistry.resolve(id)?.definition.kind == .count { return TableCell(nMark.label ?? Format.count(Int(v.rounded()))) }
            if nMark.isWithheld { return TableCell("withheld", detail: "n = \(nText)", color: ReportStyle.secondary) }
            var detail = "n = \(nText)"
            if let low, let high { detail += ", 95% CI \(Format.number(low)) to \(Format.number(high))" }
            return TableCell(Format.number(v), detail: detail)
        }
    }

    /// The metric `id` of P's overall cohort (or of `cohort`).
    func place(_ id: String, cohort: CohortKey = .overall, group: Int = ReportDisclosure.current) -> MetricDisclosure.MetricPlace {
        MetricDisclosure.MetricPlace(group: group, cohort: cohort, id: id)
    }

    /// The value of a metric of the report.
    func value(_ place: MetricDisclosure.MetricPlace) -> MetricValue? { disclosure.value(place) }

    /// The plotted value of a metric: withheld when any of its counts is, missing when undefined.
    func chartValue(_ place: MetricDisclosure.MetricPlace) -> ChartValue {
        guard let value = value(place) else { return .missing }
        if let withheld = Self.chartValue(withheldMark(place, value)) { return withheld }
        return value.value.map { .value($0) } ?? .missing
    }

    /// The strongest mark among a metric's counts: primary, else complementary, else shown.
    func withheldMark(_ place: MetricDisclosure.MetricPlace, _ value: MetricValue) -> DisclosureMark {
        let marks: [DisclosureMark]
        switch value {
        case .proportion(_, let num, let den): marks = [mark(.metric(place, .num), num), mark(.metric(place, .den), den)]
        case .statistic(_, let n, _, _): marks = [mark(.metric(place, .n), n)]
        }
        return marks.contains(.primary) ? .primary : marks.contains(.complementary) ? .complementary : .shown
    }

    /// How a mark is drawn on a chart; nil for a shown count.
    static func chartValue(_ mark: DisclosureMark) -> ChartValue? {
        switch mark {
        case .primary: return .suppressed
        case .complementary: return .complementary
        case .shown, .notDisplayed: return nil
        }
    }
}
