import OutcomesCore

/// The JSON of `analyze --format json` (SPEC section 9), written as text so that key order and
/// number formatting never vary: `{"period": {"from", "to"}, "cohorts": [{"key": {}, "metrics": {...}}]}`.
public enum AnalysisJSON {
    /// Encodes the result; metrics keep their `MetricSet` order, key components their dimension order.
    public static func encode(_ result: AnalysisResult) -> String {
        encode(period: result.period, cohorts: result.cohorts.map { ($0.key, $0.metrics) })
    }

    /// Encodes cohorts' metric sets for a period.
    /// `withheld` metrics (disclosure control) print `{"value": null, "suppressed": true, "shown_as": "<11"}`
    /// ("<11" for a count of 1 to 10, "suppressed" for one withheld to protect another).
    public static func encode(period: Period, cohorts: [(key: CohortKey, metrics: MetricSet)],
                              withheld: MetricDisclosure.Marks = [:]) -> String {
        var lines = ["{", "  \"period\": {\"from\": \"\(period.from)\", \"to\": \"\(period.to)\"},",
                     "  \"cohorts\": ["]
        for (index, cohort) in cohorts.enumerated() {
            let key = cohort.key.components.map { "\(quote($0.dimension.rawValue)): \(quote($0.value))" }
            lines.append("    {")
            lines.append("      \"key\": {\(key.joined(separator: ", "))},")
            lines.append("      \"metrics\": {")
            let entries = cohort.metrics.entries
            for (position, entry) in entries.enumerated() {
                let comma = position + 1 < entries.count ? "," : ""
                let text = value(entry.value, withheld: withheld[cohort.key]?[entry.id])
                lines.append("        \(quote(entry.id)): \(text)\(comma)")
            }
            lines.append("      }")
            lines.append(index + 1 < cohorts.count ? "    }," : "    }")
        }
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The value, or for a withheld metric `{"value": null, "suppressed": true, "shown_as": "<11"}`.
    static func value(_ metric: MetricValue, withheld mark: DisclosureMark?) -> String {
        guard let label = mark?.label else { return value(metric) }
        return "{\"value\": null, \"suppressed\": true, \"shown_as\": \(quote(label))}"
    }

    /// `{"value": 0.62, "num": 31, "den": 50}`, `{"value": 4.5, "n": 20}` or, for a statistic with a
    /// 95% CI, `{"value": 4.5, "n": 20, "ci_low": 3.1, "ci_high": 5.9}`; values at full precision.
    public static func value(_ metric: MetricValue) -> String {
        switch metric {
        case .proportion(let value, let num, let den):
            return "{\"value\": \(NumberText.exact(value)), \"num\": \(num), \"den\": \(den)}"
        case .statistic(let value, let n, let low, let high):
            var text = "{\"value\": \(NumberText.exact(value)), \"n\": \(n)"
            if let low, let high {
                text += ", \"ci_low\": \(NumberText.exact(low)), \"ci_high\": \(NumberText.exact(high))"
            }
            return text + "}"
        }
    }

    /// A JSON string literal.
    public static func quote(_ text: String) -> String { JSONString.quoted(text) }
}
