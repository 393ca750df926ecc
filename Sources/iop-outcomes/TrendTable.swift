import OutcomesAnalysis

/// Trends for a terminal: one block per cohort and metric, one line per month.
enum TrendTable {
    /// A point `withheld` marks (by month) prints its mark.
    static func render(_ trends: [MetricTrend], withheld: [String: MetricDisclosure.Marks] = [:]) -> String {
        var lines: [String] = []
        for trend in trends {
            lines.append("== \(trend.key): \(trend.metric) ==")
            for point in trend.points {
                let mark = withheld[point.label]?[trend.key]?[trend.metric]?.label
                lines.append("\(point.label)  \(mark ?? point.value.map(AnalysisTable.text) ?? "-  (no episodes)")")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
