import Foundation
import OutcomesCore
import Testing
@testable import OutcomesSampleData

@Suite("EHR export")
struct EHRExportTests {
    /// `MM/dd/yyyy` or `yyyy-MM-dd` -> ISO.
    static func iso(_ text: String, format: String) -> String {
        guard format == "MM/dd/yyyy", !text.isEmpty else { return text }
        let parts = text.split(separator: "/")
        return parts.count == 3 ? "\(parts[2])-\(parts[0])-\(parts[1])" : "?\(text)"
    }

    @Test("translating the export with its vocabulary gives back the canonical files, row for row")
    func roundTrip() throws {
        // Given a program written both ways
        let directory = try temporaryDirectory("ehr")
        let program = SampleProgram(episodes: 40, seed: 11, endDate: try #require(Day(iso: "2026-10-31")))
        try program.writeCanonical(to: directory)
        try program.writeEHRExport(to: directory + "/ehr-export")
        let dateColumns: Set = ["admission_date", "discharge_date", "session_date", "assessed_on", "rated_on", "event_date"]
        for table in EHRVocabulary.tables {
            let canonical = try CSVTable(path: "\(directory)/\(table.table.rawValue).csv")
            let export = try CSVTable(path: "\(directory)/ehr-export/\(table.table.rawValue).csv")
            // When each source column is renamed and each value translated
            let sourceIndex = Dictionary(uniqueKeysWithValues: table.columns.compactMap { column in
                column.canonical.map { ($0, export.header.firstIndex(of: column.source) ?? -1) }
            })
            #expect(Set(sourceIndex.keys) == Set(canonical.header), "\(table.table)")
            #expect(export.rows.count == canonical.rows.count)
            for (exported, expected) in zip(export.rows, canonical.rows) {
                let translated = canonical.header.map { column -> String in
                    let raw = exported[sourceIndex[column] ?? 0]
                    let pairs = table.values.first { $0.column == column }?.pairs ?? []
                    let value = pairs.first { $0.source == raw }?.canonical ?? raw
                    guard dateColumns.contains(column) else { return value }
                    let format = table.dateFormats.first { $0.column == column }?.format ?? EHRVocabulary.dateFormat
                    return Self.iso(value, format: format)
                }
                // Then the row is the canonical row
                #expect(translated == expected)
            }
        }
    }

    @Test("mapping.yaml lists every column and value pair, and only canonical names")
    func mappingFile() {
        let text = MappingFile.text
        #expect(text.hasPrefix("# "))
        #expect(text.contains("\ndate_format: MM/dd/yyyy\ntables:\n"))
        for table in EHRVocabulary.tables {
            #expect(text.contains("\n  \(table.table.rawValue):\n    columns:\n"))
            for (source, canonical) in table.columns {
                if let canonical { #expect(text.contains("      \"\(source)\": \(canonical)\n")) }
                else { #expect(!text.contains("\"\(source)\":"), "\(source) is ignored, not mapped") }
            }
            for (column, pairs) in table.values {
                #expect(table.columns.contains { $0.canonical == column })
                for pair in pairs { #expect(text.contains("        \"\(pair.source)\": \(pair.canonical)\n")) }
            }
        }
        #expect(text.contains("    date_formats:\n      rated_on: yyyy-MM-dd\n"))
    }

    @Test("the export starts with a BOM and ends lines with CRLF")
    func encoding() throws {
        let directory = try temporaryDirectory("ehr-bytes")
        try SampleProgram(episodes: 3, seed: 1, endDate: try #require(Day(iso: "2026-10-31"))).writeEHRExport(to: directory)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: directory + "/sessions.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(bytes.suffix(2)) == [13, 10])
    }
}
