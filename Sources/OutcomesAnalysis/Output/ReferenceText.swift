import OutcomesCore

/// `iop-outcomes reference`: the reference tables reports print (the methods appendix's metric
/// definitions, the instruments table), as rows for people, CSV or JSON. Every row is text
/// (identifiers, definitions, exact scores); the CSV follows the injection rule.
public struct ReferenceText: Sendable {
    /// Column names; the table form prints the first column, then the others as `name: value`.
    public let columns: [String]
    /// One row per metric or instrument, in column order; "" for a value not given.
    public let rows: [[String]]
    /// The JSON key of the list.
    let listName: String
    /// The columns JSON gives as numbers (exact decimals, as the registry holds them).
    var numericColumns: Set<String> = []

    /// Every metric definition (`MetricRegistry.all`), in output order; a pattern names its slot
    /// (`outcomes.<INSTRUMENT>.recovery_rate`).
    public static func metrics() -> ReferenceText {
        ReferenceText(columns: ["id", "kind", "label", "unit", "definition"],
                      rows: MetricRegistry.all.map {
                          [$0.pattern, $0.kind.rawValue, $0.label, $0.unit, $0.definition]
                      },
                      listName: "metrics")
    }

    /// Every instrument of `registry`, by code: scoring, thresholds with their sources, bands and LOINC codes.
    public static func instruments(_ registry: InstrumentRegistry) -> ReferenceText {
        let rows = registry.codes.compactMap { registry[$0] }.map { instrument -> [String] in
            [instrument.code, instrument.name, String(instrument.itemCount),
             "\(instrument.totalRange.lowerBound)-\(instrument.totalRange.upperBound)", instrument.direction.rawValue,
             instrument.casenessCutoff.map(String.init(describing:)) ?? "",
             instrument.reliableChangePoints.map(String.init(describing:)) ?? "",
             instrument.reliableChangeSource ?? "",
             instrument.reliability.map { NumberText.exact($0) } ?? "",
             instrument.responseFraction.map(String.init(describing:)) ?? "",
             instrument.remissionBelow.map(String.init(describing:)) ?? "",
             instrument.bands.map { "\($0.label) \($0.lower)-\($0.upper)" }.joined(separator: "; "),
             instrument.loincPanel ?? "", instrument.loincTotal ?? ""]
        }
        return ReferenceText(columns: ["code", "name", "items", "total_range", "direction", "caseness_cutoff",
                                       "reliable_change_points", "reliable_change_source", "reliability",
                                       "response_fraction",
                                       "remission_below", "severity_bands", "loinc_panel", "loinc_total"],
                             rows: rows, listName: "instruments",
                             numericColumns: ["items", "caseness_cutoff", "reliable_change_points", "reliability",
                                              "response_fraction", "remission_below"])
    }

    /// For people: each row's first column, then its other columns indented, blanks left out.
    public var table: String {
        rows.map { row in
            ([row[0]] + zip(columns, row).dropFirst().filter { !$0.1.isEmpty }.map { "    \($0): \($1)" })
                .joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    /// CSV with a header row, CRLF line ends; every cell is text and follows the CSV injection rule.
    public var csv: String {
        ([columns] + rows).map { $0.map(CSVField.escapedText).joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
    }

    /// JSON: `{"<list>": [{column: value, ...}]}`, numbers as numbers; a value not given is null.
    public var json: String {
        let value = { (column: String, text: String) in
            text.isEmpty ? "null" : self.numericColumns.contains(column) ? text : JSONString.quoted(text)
        }
        let objects = rows.map { row in
            "  {" + zip(columns, row).map { "\(JSONString.quoted($0)): \(value($0, $1))" }.joined(separator: ", ")
                + "}"
        }
        return "{\(JSONString.quoted(listName)): [\n" + objects.joined(separator: ",\n")
            + (objects.isEmpty ? "" : "\n") + "]}\n"
    }
}
