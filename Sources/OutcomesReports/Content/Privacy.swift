import Charts
import OutcomesAnalysis

/// Small-cell rules of the audience: external reports show counts of 1 to 10 as "<11" and
/// withhold rates whose numerator or denominator is 1 to 10.
struct Privacy: Sendable {
    let external: Bool

    static let hidden = SuppressedCell.suppressedText

    func hides(_ n: Int) -> Bool { external && SmallCellSuppression.hiddenCounts.contains(n) }

    func count(_ n: Int) -> String { hides(n) ? Privacy.hidden : Format.count(n) }

    /// Which of `counts` and then their `total` (the last flag) to hide: counts of 1 to 10 and
    /// complementary cells, so that none can be recovered by subtraction. Nothing is hidden for
    /// internal audiences.
    func hiddenCells(counts: [Int], total: Int) -> [Bool] {
        guard external else { return Array(repeating: false, count: counts.count + 1) }
        return SmallCellSuppression.hiddenFlags(counts: counts, total: total)
    }

    /// A rate cell: "81.2%" over "812 of 1,000"; withheld when external and small, or when
    /// `complementary` says a neighbouring small cell would otherwise be recoverable.
    func rate(_ num: Int, _ den: Int, digits: Int = 1, complementary: Bool = false) -> TableCell {
        guard den > 0 else { return TableCell("–", detail: "no cases") }
        if external && complementary {
            return TableCell("withheld", detail: "\(Privacy.hidden) of \(Privacy.hidden)", color: ReportStyle.secondary)
        }
        if external {
            let p = SmallCellSuppression.proportion(numerator: num, denominator: den)
            if p.isSuppressed {
                return TableCell("withheld", detail: "\(p.numerator.displayText) of \(p.denominator.displayText)", color: ReportStyle.secondary)
            }
        }
        return TableCell(Format.percent(Double(num) / Double(den), digits: digits), detail: "\(Format.count(num)) of \(Format.count(den))")
    }

    /// Any metric value as a cell.
    func cell(_ value: MetricValue?, id: String) -> TableCell {
        guard let value else { return TableCell("–", detail: "not computed") }
        switch value {
        case .proportion(_, let num, let den): return rate(num, den)
        case .statistic(let v, let n, let low, let high):
            guard let v else {
                let text = id == MetricID.retentionMedian && n > 0 ? "Not reached" : "–"
                return TableCell(text, detail: "n = \(count(n))")
            }
            if hides(n) { return TableCell("withheld", detail: "n = \(Privacy.hidden)", color: ReportStyle.secondary) }
            if MetricRegistry.resolve(id)?.definition.kind == .count { return TableCell(count(Int(v.rounded()))) }
            var detail = "n = \(Format.count(n))"
            if let low, let high { detail += ", 95% CI \(Format.number(low)) to \(Format.number(high))" }
            return TableCell(Format.number(v), detail: detail)
        }
    }

    /// The plotted value of a metric: suppressed when external and small, missing when undefined.
    func chartValue(_ value: MetricValue?) -> ChartValue {
        guard let value else { return .missing }
        if external, case .proportion(_, let num, let den) = value, hides(num) || hides(den) { return .suppressed }
        if external, case .statistic(_, let n, _, _) = value, hides(n) { return .suppressed }
        return value.value.map { .value($0) } ?? .missing
    }

    /// A count for a chart.
    func chartCount(_ n: Int) -> ChartValue { hides(n) ? .suppressed : .value(Double(n)) }
}
