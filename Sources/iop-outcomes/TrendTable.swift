import OutcomesAnalysis

/// Trends for a terminal: one block per cohort and metric, one line per month.
enum TrendTable {
    static func render(_ trends: [MetricTrend]) -> String {
        var lines: [String] = []
        for trend in trends {
            lines.append("== \(trend.key): \(trend.metric) ==")
            for point in trend.points {
                lines.append("\(point.label)  \(point.value.map(AnalysisTable.text) ?? "-  (no episodes)")")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
