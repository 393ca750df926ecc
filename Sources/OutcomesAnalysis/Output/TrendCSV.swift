/// Trends as CSV: one row per cohort, metric and month: the dimension columns, then
/// `metric,month,value,num,den,n` (blank fields for a month without the cohort). CRLF line ends.
public enum TrendCSV {
    public static func encode(_ trends: [MetricTrend], dimensions: [CohortDimension]) -> String {
        var rows = [dimensions.map(\.rawValue) + ["metric", "month", "value", "num", "den", "n"]]
        for trend in trends {
            let dimensionValues = dimensions.map { trend.key[$0] ?? "" }
            for point in trend.points {
                let fields = point.value.map(AnalysisCSV.fields) ?? ["", "", "", ""]
                rows.append(dimensionValues + [trend.metric, point.label] + fields)
            }
        }
        return rows.map { $0.map(AnalysisCSV.escape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
