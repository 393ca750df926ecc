import OutcomesCore

/// Trends as JSON: `{"period": {"from", "to"}, "months": N, "series": [{"key": {}, "metric": ID,
/// "points": [{"month": "YYYY-MM", ...value fields...}]}]}`; a month without the cohort has a null value.
public enum TrendJSON {
    /// Encodes `trends`; a point `withheld` marks (by month) prints as a withheld metric does in `AnalysisJSON`.
    public static func encode(period: Period, months: Int, trends: [MetricTrend],
                              withheld: [String: MetricDisclosure.Marks] = [:]) -> String {
        var lines = ["{", "  \"period\": {\"from\": \"\(period.from)\", \"to\": \"\(period.to)\"},",
                     "  \"months\": \(months),", "  \"series\": ["]
        for (index, trend) in trends.enumerated() {
            let key = trend.key.components.map { "\(AnalysisJSON.quote($0.dimension.rawValue)): \(AnalysisJSON.quote($0.value))" }
            let points = trend.points.map { point in
                let mark = withheld[point.label]?[trend.key]?[trend.metric]
                let fields = point.value.map { String(AnalysisJSON.value($0, withheld: mark).dropFirst()) } ?? "\"value\": null}"
                return "{\"month\": \"\(point.label)\", " + fields
            }
            let comma = index + 1 < trends.count ? "," : ""
            lines.append("    {\"key\": {\(key.joined(separator: ", "))}, \"metric\": \(AnalysisJSON.quote(trend.metric)), \"points\": [")
            lines.append("      " + points.joined(separator: ",\n      "))
            lines.append("    ]}\(comma)")
        }
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
