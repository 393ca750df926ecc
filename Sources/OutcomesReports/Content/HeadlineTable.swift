import OutcomesAnalysis
import OutcomesCore

/// The one-page summary: each headline figure with the previous period, the change, a
/// sparkline of the trend months and its target, met or not met in words.
struct HeadlineTable {
    let inputs: ReportInputs
    let privacy: Privacy

    func table(_ items: [HeadlineMetric]) -> ReportTable {
        let previousLabel = inputs.previous.map { Format.period($0.period) } ?? "Previous"
        let columns: [ReportTable.Column] = [
            .init("Measure", 2.3, .start), .init(Format.period(inputs.period), 1.15), .init(previousLabel, 1.0),
            .init("Change", 0.8), .init("Trend", 1.15, .middle), .init("Target", 0.7), .init("Status", 1.1, .start),
        ]
        let months = inputs.trends.first?.points.count ?? 12
        return ReportTable(columns: columns, rows: items.map(row), note: """
            Change: from \(previousLabel), in percentage points (pts) for rates; not given when either period's \
            rate rests on fewer than \(Self.minimumComparableDenominator) cases. Trend: the \(months) months ending \
            \(Format.period(Period.month(containing: inputs.period.to))), newest month marked. Status compares this \
            period's figure with the target.
            """)
    }

    private func row(_ item: HeadlineMetric) -> [TableCell] {
        let id = item.metric
        let current = privacy.place(id)
        let previous = privacy.place(id, group: ReportDisclosure.previous)
        let spark = inputs.trend(id)?.points.indices.map {
            privacy.chartValue(privacy.place(id, group: ReportDisclosure.month($0))).number
        } ?? []
        return [
            TableCell(item.label ?? Format.label(id), detail: coveredCohort(id)), privacy.cell(current), privacy.cell(previous),
            change(current, previous), .sparkline(spark), target(item, privacy.value(current)), status(item, current),
        ]
    }

    /// The figure as printed: nil when withheld or undefined.
    private func shown(_ place: MetricDisclosure.MetricPlace) -> Double? { privacy.chartValue(place).number }

    /// Post-discharge indicators cover an earlier discharge cohort: say which.
    private func coveredCohort(_ id: String) -> String? {
        guard let cohort = inputs.overall else { return nil }
        if id.hasSuffix("_30_rate") && id.hasPrefix("relapse.") { return "Discharges of \(Format.period(cohort.postDischarge30.cohort))" }
        if id.hasSuffix("_90_rate") && id.hasPrefix("relapse.") { return "Discharges of \(Format.period(cohort.postDischarge90.cohort))" }
        return nil
    }

    /// Rates over fewer cases than this are not compared: a change between 0 of 7 and 18 of 28
    /// says nothing a director should act on.
    static let minimumComparableDenominator = 11

    private func change(_ currentPlace: MetricDisclosure.MetricPlace, _ previousPlace: MetricDisclosure.MetricPlace) -> TableCell {
        guard let current = privacy.value(currentPlace), let a = shown(currentPlace), let b = shown(previousPlace) else { return "–" }
        for case .proportion(_, _, let den)? in [current, privacy.value(previousPlace)] where den < Self.minimumComparableDenominator {
            return TableCell("–", detail: "n < \(Self.minimumComparableDenominator)")
        }
        if Format.isRate(current) { return TableCell(Format.signed((a - b) * 100) + " pts") }
        return TableCell(Format.signed(a - b, digits: abs(a - b) >= 10 || a == a.rounded() && b == b.rounded() ? 0 : 1))
    }

    private func target(_ item: HeadlineMetric, _ value: MetricValue?) -> TableCell {
        guard let target = item.target else { return "–" }
        let sign = item.higherIsBetter ? "≥ " : "≤ "
        let rate = value.map(Format.isRate) ?? (target <= 1)
        return TableCell(sign + (rate ? Format.percent(target, digits: 0) : Format.number(target, digits: target == target.rounded() ? 0 : 1)))
    }

    private func status(_ item: HeadlineMetric, _ place: MetricDisclosure.MetricPlace) -> TableCell {
        guard let target = item.target else { return "" }
        guard let v = shown(place) else { return TableCell("No data", color: ReportStyle.secondary) }
        let met = item.higherIsBetter ? v >= target - 1e-12 : v <= target + 1e-12
        return met ? TableCell("✓ Met", bold: true, color: ReportStyle.good) : TableCell("✗ Not met", bold: true, color: ReportStyle.bad)
    }
}

/// A table of metrics: label, value with n and denominator, definition.
struct MetricsTable {
    let inputs: ReportInputs
    let privacy: Privacy

    func table(_ ids: [String]) -> ReportTable {
        let columns: [ReportTable.Column] = [.init("Measure", 2.1, .start), .init(Format.period(inputs.period), 1.2),
                                             .init("Definition", 4.2, .start)]
        let rows = ids.map { id -> [TableCell] in
            [TableCell(Format.label(id)), privacy.cell(id),
             TableCell(MetricRegistry.definitionText(id) ?? "", color: ReportStyle.secondary)]
        }
        return ReportTable(columns: columns, rows: rows)
    }
}
