import OutcomesCore

/// `analyze --watch-list` output: the early-warning watch list as a table for people (stamped as
/// protected health information), CSV or JSON, one row per entry in list order
/// (`WatchList.ordered(keys:)`): `patient_key`, `episode_id`, `track`, `reasons` (codes, the most
/// urgent first), `instruments`. Episode-level and internal, as `explain` is: it has no form for
/// people outside the program.
public struct WatchListText: Sendable {
    /// One entry as listed.
    struct Row: Sendable {
        var patientKey: String
        var episodeID: String
        var track: String
        var reasons: [String]
        var instruments: [String]

        /// The cells of the table and CSV forms, lists joined by ";".
        var cells: [String] {
            [patientKey, episodeID, track, reasons.joined(separator: ";"), instruments.joined(separator: ";")]
        }
    }

    /// The columns of every form.
    public static let columns = ["patient_key", "episode_id", "track", "reasons", "instruments"]

    let rows: [Row]
    let period: Period

    /// The entries of `list`, the watch list at the end of `period`; `keys` gives each episode's pseudonym.
    public init(_ list: WatchList, keys: [String: String], period: Period) {
        rows = list.ordered(keys: keys).map { entry in
            Row(patientKey: keys[entry.episodeID] ?? "", episodeID: entry.episodeID, track: entry.program,
                reasons: entry.reasonsByUrgency.map(\.rawValue), instruments: entry.instruments)
        }
        self.period = period
    }

    /// A terminal table between two stamps; keys cut to `ExplanationText.shortKeyLength` characters.
    public var table: String {
        let body = rows.map { row in
            var cells = row.cells
            cells[0] = String(cells[0].prefix(ExplanationText.shortKeyLength))
            return cells
        }
        let lines = [ExplanationText.phiStamp, "",
                     "Watch list: active episodes at the end of \(period.to) that meet a rule: \(rows.count)",
                     "patient_key: the first \(ExplanationText.shortKeyLength) characters of the pseudonym"
                         + " (CSV and JSON give it whole)",
                     ""] + TextColumns.lines([Self.columns] + body) + ["", ExplanationText.phiStamp]
        return lines.joined(separator: "\n") + "\n"
    }

    /// CSV with a header row, CRLF line ends; every cell is text and follows the CSV injection rule.
    public var csv: String {
        ([Self.columns] + rows.map(\.cells)).map { $0.map(CSVField.escapedText).joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
    }

    /// JSON: `{"period": {"from", "to"}, "watch_list": [{column: value, ...}]}`, reasons and
    /// instruments as lists.
    public var json: String {
        let quote = AnalysisJSON.quote
        let list = { (items: [String]) in "[" + items.map(quote).joined(separator: ", ") + "]" }
        let objects = rows.map { row in
            "    {\"patient_key\": \(quote(row.patientKey)), \"episode_id\": \(quote(row.episodeID)), "
                + "\"track\": \(quote(row.track)), \"reasons\": \(list(row.reasons)), "
                + "\"instruments\": \(list(row.instruments))}"
        }
        return """
            {
              "period": {"from": "\(period.from)", "to": "\(period.to)"},
              "watch_list": [
            \(objects.joined(separator: ",\n"))
              ]
            }

            """
    }
}
