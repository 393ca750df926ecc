/// A readable terminal table of an analysis: one block per cohort, one line per metric.
public enum AnalysisTable {
    /// `withheld` metrics (disclosure control) print their mark: "<11" or "suppressed".
    public static func render(_ result: AnalysisResult, withheld: MetricDisclosure.Marks = [:]) -> String {
        var lines = ["IOP outcomes, \(result.period)"]
        let width = result.cohorts.flatMap(\.metrics.ids).map(\.count).max() ?? 0
        for cohort in result.cohorts {
            lines.append("")
            lines.append("== \(cohort.key) ==")
            for entry in cohort.metrics.entries {
                let name = entry.id + String(repeating: " ", count: max(0, width - entry.id.count))
                lines.append("\(name)  \(withheld[cohort.key]?[entry.id]?.label ?? text(entry.value))")
            }
        }
        lines.append("")
        lines.append("Post-discharge indicators cover discharges of \(result.windows.postDischarge30) (30 days) "
                     + "and \(result.windows.postDischarge90) (90 days); retention follows admissions of \(result.windows.retention).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `62.0%  (31/50)`, `4.5  (n=20, 95% CI 3.10 to 5.90)`, `12  (n=12)`, `-  (0/0)`.
    public static func text(_ metric: MetricValue) -> String {
        switch metric {
        case .proportion(let value, let num, let den):
            let shown = value.map { NumberText.fixed($0 * 100, decimals: 1) + "%" } ?? "-"
            return pad(shown) + "(\(num)/\(den))"
        case .statistic(let value, let n, let low, let high):
            let shown = value.map { NumberText.plain($0, decimals: 2) } ?? "-"
            var detail = "n=\(n)"
            if let low, let high {
                detail += ", 95% CI \(NumberText.fixed(low, decimals: 2)) to \(NumberText.fixed(high, decimals: 2))"
            }
            return pad(shown) + "(\(detail))"
        }
    }

    private static func pad(_ text: String) -> String {
        text + String(repeating: " ", count: max(1, 10 - text.count))
    }
}
