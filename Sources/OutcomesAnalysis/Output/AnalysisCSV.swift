import OutcomesCore

/// The CSV of `analyze --format csv`: one row per cohort and metric, the cohort's dimension
/// columns (blank for the overall cohort), then `metric,value,num,den,n,ci_low,ci_high` at full
/// precision (the 95% CI where SPEC section 5 defines one, else blank). RFC 4180, CRLF line ends;
/// text cells follow the CSV injection rule (`CSVField.escapedText`), computed numbers stay numbers.
public enum AnalysisCSV {
    public static func encode(_ result: AnalysisResult) -> String {
        encode(dimensions: result.dimensions, cohorts: result.cohorts.map { ($0.key, $0.metrics) })
    }

    /// Encodes cohorts' metric sets with one column per dimension; `withheld` metrics (disclosure
    /// control) print a blank value and their mark ("<11" or "suppressed") for their counts.
    public static func encode(dimensions: [CohortDimension], cohorts: [(key: CohortKey, metrics: MetricSet)],
                              withheld: MetricDisclosure.Marks = [:]) -> String {
        var rows = [(dimensions.map(\.rawValue) + ["metric", "value", "num", "den", "n", "ci_low", "ci_high"]).map(CSVField.escapedText)]
        for cohort in cohorts {
            let dimensionValues = dimensions.map { CSVField.escapedText(cohort.key[$0] ?? "") }
            for entry in cohort.metrics.entries {
                let numbers = withheld[cohort.key]?[entry.id]?.label.map { suppressedFields(entry.value, label: $0) }
                    ?? fields(entry.value)
                rows.append(dimensionValues + [CSVField.escapedText(entry.id)] + numbers.map(CSVField.escaped))
            }
        }
        return rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// `value,num,den,n,ci_low,ci_high` at full precision; blank where a field does not apply or
    /// the value is undefined.
    static func fields(_ metric: MetricValue) -> [String] {
        let value = metric.value.map { NumberText.exact($0) } ?? ""
        switch metric {
        case .proportion(_, let num, let den): return [value, String(num), String(den), "", "", ""]
        case .statistic(_, let n, let low, let high):
            return [value, "", "", String(n), low.map { NumberText.exact($0) } ?? "", high.map { NumberText.exact($0) } ?? ""]
        }
    }

    /// The fields of a withheld metric: no value or interval, its mark for its counts.
    static func suppressedFields(_ metric: MetricValue, label hidden: String) -> [String] {
        switch metric {
        case .proportion: return ["", hidden, hidden, "", "", ""]
        case .statistic: return ["", "", "", hidden, "", ""]
        }
    }
}
