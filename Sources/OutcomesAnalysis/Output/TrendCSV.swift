import OutcomesCore

/// Trends as CSV: one row per cohort, metric and month: the dimension columns, then
/// `metric,month,value,num,den,n,ci_low,ci_high` at full precision (blank fields for a month without the cohort). CRLF line ends; text
/// cells follow the CSV injection rule (`CSVField.escapedText`), computed numbers stay numbers.
public enum TrendCSV {
    /// Encodes `trends`; a point `withheld` marks (by month) prints a blank value and its mark for its counts.
    public static func encode(_ trends: [MetricTrend], dimensions: [CohortDimension],
                              withheld: [String: MetricDisclosure.Marks] = [:]) -> String {
        let header = dimensions.map(\.rawValue) + ["metric", "month", "value", "num", "den", "n", "ci_low", "ci_high"]
        var rows = [header.map(CSVField.escapedText)]
        for trend in trends {
            let dimensionValues = dimensions.map { trend.key[$0] ?? "" }
            for point in trend.points {
                let mark = withheld[point.label]?[trend.key]?[trend.metric]?.label
                let fields = point.value.map { value in mark.map { AnalysisCSV.suppressedFields(value, label: $0) }
                    ?? AnalysisCSV.fields(value) } ?? ["", "", "", "", "", ""]
                rows.append((dimensionValues + [trend.metric, point.label]).map(CSVField.escapedText)
                            + fields.map(CSVField.escaped))
            }
        }
        return rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
