import OutcomesCore

/// The tables reports show beside the metrics, as rows of text for `analyze --table NAME`
/// (CSV or JSON): SPEC section 8 asks for machine-readable output of every table a report shows.
public enum DetailTable: String, CaseIterable, Sendable {
    case dischargeReasons = "discharge_reasons"
    case sessionMix = "session_mix"
    case severityShift = "severity_shift"
    case retention
    case goalsByDomain = "goals_by_domain"
    case equity

    /// Column names and rows of the table for a cohort; `instrument` picks the severity shift.
    public func rows(of cohort: CohortResult, equity: Equity, instrument: String) -> (columns: [String], rows: [[String]]) {
        switch self {
        case .dischargeReasons:
            return (["discharge_reason", "discharges"],
                    cohort.census.dischargeReasons.map { [$0.category.rawValue, String($0.count)] })
        case .sessionMix:
            let types = cohort.attendance.byType.map { ["type", $0.category.rawValue, String($0.scheduled), String($0.attended)] }
            let modalities = cohort.attendance.byModality.map {
                ["modality", $0.category?.rawValue ?? "unrecorded", String($0.scheduled), String($0.attended)]
            }
            return (["by", "category", "scheduled", "attended"], types + modalities)
        case .severityShift:
            guard let shift = cohort.outcome(instrument)?.severityShift else { return (["baseline_band", "final_band", "pairs"], []) }
            let rows = shift.bands.indices.flatMap { from in
                shift.bands.indices.map { to in [shift.bands[from], shift.bands[to], String(shift.counts[from][to])] }
            }
            return (["baseline_band", "final_band", "pairs"], rows)
        case .retention:
            let rows = cohort.retention.curve.points.map { point in
                [String(point.time), String(point.atRisk), String(point.events), String(point.censored),
                 NumberText.exact(point.survival), point.ciLow.map { NumberText.exact($0) } ?? "",
                 point.ciHigh.map { NumberText.exact($0) } ?? ""]
            }
            return (["day", "at_risk", "events", "censored", "survival", "ci_low", "ci_high"], rows)
        case .goalsByDomain:
            let rows = cohort.goals.byDomain.map { domain in
                [domain.domain, String(domain.goals), domain.meanLevel.map { NumberText.exact($0) } ?? "",
                 String(domain.atOrAboveExpected)]
            }
            return (["domain", "rated_goals", "mean_level", "at_or_above_expected"], rows)
        case .equity:
            func figures(_ f: EquityFigures) -> [String] {
                [f.attended, f.scheduled, f.completed, f.discharges, f.reliablyImproved, f.withPairs, f.recovered, f.casesAtBaseline]
                    .map(String.init)
            }
            let rows = equity.strata.map { [$0.dimension.rawValue, $0.value] + figures($0.figures) }
                + [["overall", ""] + figures(equity.overall)]
            return (["dimension", "value", "attended", "scheduled", "completed", "discharges", "reliably_improved",
                     "with_pairs", "recovered", "cases_at_baseline"], rows)
        }
    }

    /// How many leading columns hold labels; the rest hold numbers.
    public var labelColumns: Int {
        switch self {
        case .dischargeReasons, .goalsByDomain: return 1
        case .sessionMix, .severityShift, .equity: return 2
        case .retention: return 0
        }
    }

    /// CSV with a header row, CRLF line ends: the header and the `labelColumns` leading cells of each
    /// row follow the CSV injection rule (`CSVField.escapedText`); the numbers after them stay numbers.
    public func csv(columns: [String], rows: [[String]]) -> String {
        let lines = [columns.map(CSVField.escapedText)] + rows.map { row in
            row.prefix(labelColumns).map(CSVField.escapedText) + row.dropFirst(labelColumns).map(CSVField.escaped)
        }
        return lines.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// JSON: `{"table": NAME, "rows": [{column: value, ...}]}`: labels as strings, numbers as
    /// numbers, a blank number as null, a hidden count as "<11".
    public func json(columns: [String], rows: [[String]]) -> String {
        let objects = rows.map { row in
            "{" + zip(columns, row).enumerated().map { index, field in
                let value = index < labelColumns || Double(field.1) == nil && !field.1.isEmpty
                    ? JSONString.quoted(field.1) : (field.1.isEmpty ? "null" : field.1)
                return "\(JSONString.quoted(field.0)): \(value)"
            }.joined(separator: ", ") + "}"
        }
        return "{\"table\": \(JSONString.quoted(rawValue)), \"rows\": [\n  " + objects.joined(separator: ",\n  ") + "\n]}\n"
    }
}
