/// Writes `mapping.yaml` for the EHR export from EHRVocabulary: the file the ingest reads to
/// rename source columns, translate source values and parse US dates.
enum MappingFile {
    static let header = """
        # Mapping file for the sample program's EHR export (the CSVs beside this file).
        # Written by OutcomesSampleData (SampleProgram.writeEHRExport) from the same vocabulary
        # as the export, so the two always agree: regenerate it rather than editing it by hand.
        #
        # date_format       format of every date column unless date_formats says otherwise
        # tables            one entry per canonical table (episodes, sessions, assessments, goals, events)
        #   columns         source column name -> canonical column name; source columns not
        #                   listed here (such as "Clinician Name") are ignored
        #   values          canonical column -> { source value: canonical value }
        #   date_formats    canonical column (or source column) -> date format, where it differs
        #                   from date_format; iso8601 takes dates with an optional time and zone
        # time_zone         the program's zone: a date-time with an offset counts on its date there
        #
        # Several files may feed one table: appointments-*.csv (keyed by MRN, with date-times)
        # beside sessions.csv; flowsheet.csv (one row per item answer) and measures-feed.csv
        # (totals only) beside assessments.csv.

        """

    /// The whole mapping file.
    static var text: String {
        var lines = [header + "date_format: \(EHRVocabulary.dateFormat)", "time_zone: \(EHRVocabulary.timeZone)", "tables:"]
        for main in EHRVocabulary.tables {
            let tables = [main] + EHRVocabulary.shapes.filter { $0.table == main.table }
            lines.append("  \(main.table.rawValue):")
            lines.append("    columns:")
            var listed: Set<String> = []
            for (source, canonical) in tables.flatMap(\.columns) {
                guard let canonical, listed.insert(source).inserted else { continue }
                lines.append("      \(quoted(source)): \(canonical)")
            }
            let values = tables.flatMap(\.values)
            if !values.isEmpty {
                lines.append("    values:")
                for (column, pairs) in values {
                    lines.append("      \(column):")
                    for (source, canonical) in pairs { lines.append("        \(quoted(source)): \(canonical)") }
                }
            }
            let formats = tables.flatMap(\.dateFormats)
            if !formats.isEmpty {
                lines.append("    date_formats:")
                for (column, format) in formats {
                    let key = column.contains(" ") ? quoted(column) : column
                    lines.append("      \(key): \(format.contains(" ") ? quoted(format) : format)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}
