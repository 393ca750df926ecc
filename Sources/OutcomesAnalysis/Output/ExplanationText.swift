import OutcomesCore

/// `explain` output as a table for people (stamped as protected health information), CSV or JSON.
/// Every form has one row per listed episode: `patient_key`, `episode_id`, `in_denominator`,
/// `in_numerator`, `numerator`, `denominator`, `excluded_reason`, then the deciding values.
public enum ExplanationText {
    /// The stamp on every table printout: the rows identify episodes.
    public static let phiStamp = "CONTAINS PROTECTED HEALTH INFORMATION: internal use only; do not share outside the program."

    /// Characters of the pseudonym the table shows, as the watch list does.
    public static let shortKeyLength = 12

    /// The fixed columns before the deciding values.
    static let columns = ["patient_key", "episode_id", "in_denominator", "in_numerator", "numerator", "denominator", "excluded_reason"]

    /// The fixed and deciding fields of a row, in column order.
    static func fields(_ row: MetricExplanation.Row, names: [String]) -> [String] {
        let c = row.contribution
        let values = Dictionary(c.values.map { ($0.name, $0.text) }) { first, _ in first }
        return [row.patientKey, c.episodeID, String(c.isMember), String(c.numerator > 0), String(c.numerator),
                String(c.denominator), c.exclusion ?? ""] + names.map { values[$0] ?? "" }
    }

    /// A terminal table: the stamp, the metric, its figure and definition, then one line per episode.
    public static func table(_ explanation: MetricExplanation) -> String {
        let names = explanation.valueNames
        let header = columns + names
        let body = explanation.rows.map { row in
            var cells = fields(row, names: names)
            cells[0] = String(cells[0].prefix(shortKeyLength))
            return cells
        }
        var lines = [phiStamp, "",
                     "\(explanation.metric) (\(explanation.label)), \(explanation.cohort), \(explanation.period)",
                     "value: \(AnalysisTable.text(explanation.value))",
                     "definition: \(explanation.definition.methodsText)",
                     "members: \(explanation.members.count); left out: \(explanation.excluded.count)",
                     "patient_key: the first \(shortKeyLength) characters of the pseudonym (CSV and JSON give it whole)", ""]
        lines += TextColumns.lines([header] + body)
        lines += ["", phiStamp]
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV, RFC 4180 with CRLF line ends: text cells follow the CSV injection rule, numbers stay numbers.
    public static func csv(_ explanation: MetricExplanation) -> String {
        let names = explanation.valueNames
        let rows = [(columns + names).map(CSVField.escapedText)] + explanation.rows.map { row in
            fields(row, names: names).map { Double($0) == nil ? CSVField.escapedText($0) : CSVField.escaped($0) }
        }
        return rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// JSON: the metric, cohort, period, value (as `analyze` prints it), definition, unit, and rows.
    public static func json(_ explanation: MetricExplanation) -> String {
        let quote = AnalysisJSON.quote
        let key = explanation.cohort.components.map { "\(quote($0.dimension.rawValue)): \(quote($0.value))" }
        let rows = explanation.rows.map { row in
            let c = row.contribution
            let values = c.values.map { "\(quote($0.name)): \(quote($0.text))" }.joined(separator: ", ")
            return "    {\"patient_key\": \(quote(row.patientKey)), \"episode_id\": \(quote(c.episodeID)), "
                + "\"in_denominator\": \(c.isMember), \"in_numerator\": \(c.numerator > 0), \"numerator\": \(c.numerator), "
                + "\"denominator\": \(c.denominator), \"excluded_reason\": \(c.exclusion.map(quote) ?? "null"), \"values\": {\(values)}}"
        }
        return """
            {
              "metric": \(quote(explanation.metric)),
              "label": \(quote(explanation.label)),
              "period": {"from": "\(explanation.period.from)", "to": "\(explanation.period.to)"},
              "cohort": {\(key.joined(separator: ", "))},
              "value": \(AnalysisJSON.value(explanation.value)),
              "definition": \(quote(explanation.definition.definition)),
              "unit": \(quote(explanation.definition.unit)),
              "rows": [
            \(rows.joined(separator: ",\n"))
              ]
            }

            """
    }
}
