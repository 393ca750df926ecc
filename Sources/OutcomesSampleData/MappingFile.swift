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
        #   date_formats    canonical column -> date format, where it differs from date_format

        """

    /// The whole mapping file.
    static var text: String {
        var lines = [header + "date_format: \(EHRVocabulary.dateFormat)", "tables:"]
        for table in EHRVocabulary.tables {
            lines.append("  \(table.table.rawValue):")
            lines.append("    columns:")
            for (source, canonical) in table.columns {
                guard let canonical else { continue }
                lines.append("      \(quoted(source)): \(canonical)")
            }
            if !table.values.isEmpty {
                lines.append("    values:")
                for (column, pairs) in table.values {
                    lines.append("      \(column):")
                    for (source, canonical) in pairs { lines.append("        \(quoted(source)): \(canonical)") }
                }
            }
            if !table.dateFormats.isEmpty {
                lines.append("    date_formats:")
                for (column, format) in table.dateFormats { lines.append("      \(column): \(format)") }
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
