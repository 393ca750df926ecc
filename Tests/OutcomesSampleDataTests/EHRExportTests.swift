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

    @Test("translating the wide files gives back the canonical rows, in order; the real shapes hold the rest")
    func roundTrip() throws {
        // Given a program written both ways
        let directory = try temporaryDirectory("ehr")
        let program = SampleProgram(episodes: 40, seed: 11, endDate: try #require(Day(iso: "2026-10-31")))
        try program.writeCanonical(to: directory)
        try program.writeEHRExport(to: directory + "/ehr-export")
        let dateColumns: Set = ["admission_date", "discharge_date", "session_date", "assessed_on", "rated_on", "event_date"]
        var movedToShapes: [CanonicalTable: Int] = [:]
        for table in EHRVocabulary.tables {
            let canonical = try CSVTable(path: "\(directory)/\(table.table.rawValue).csv")
            let export = try CSVTable(path: "\(directory)/ehr-export/\(table.table.rawValue).csv")
            // When each source column is renamed and each value translated
            let sourceIndex = Dictionary(uniqueKeysWithValues: table.columns.compactMap { column in
                column.canonical.map { ($0, export.header.firstIndex(of: column.source) ?? -1) }
            })
            #expect(Set(sourceIndex.keys) == Set(canonical.header), "\(table.table)")
            var remaining = canonical.rows[...]
            for exported in export.rows {
                let translated = canonical.header.map { column -> String in
                    let raw = exported[sourceIndex[column] ?? 0]
                    let pairs = table.values.first { $0.column == column }?.pairs ?? []
                    let value = pairs.first { $0.source == raw }?.canonical ?? raw
                    guard dateColumns.contains(column) else { return value }
                    let format = table.dateFormats.first { $0.column == column }?.format ?? EHRVocabulary.dateFormat
                    return Self.iso(value, format: format)
                }
                // Then the row is the next canonical row not moved to a real shape
                guard let next = remaining.firstIndex(of: translated) else {
                    Issue.record("\(table.table): \(translated) is not a canonical row (or is out of order)")
                    break
                }
                remaining = remaining[(next + 1)...]
            }
            movedToShapes[table.table] = canonical.rows.count - export.rows.count
        }
        // And the rows moved out are the appointments, the flowsheet's assessments (one total
        // row each) and the feed's totals
        func rows(_ name: String) throws -> [[String]] { try CSVTable(path: "\(directory)/ehr-export/\(name)").rows }
        let appointments = try FileManager.default.contentsOfDirectory(atPath: directory + "/ehr-export")
            .filter { $0.hasPrefix("appointments-") }
        #expect(!appointments.isEmpty)
        #expect(movedToShapes[.sessions] == (try appointments.map { try rows($0).count }.reduce(0, +)))
        let totals = try rows("flowsheet.csv").filter { ["44261-6", "70274-6"].contains($0[3]) }.count
        #expect(totals > 0)
        #expect(movedToShapes[.assessments] == totals + (try rows("measures-feed.csv").count))
        #expect(movedToShapes[.episodes] == 0 && movedToShapes[.goals] == 0 && movedToShapes[.events] == 0)
    }

    @Test("mapping.yaml lists every column and value pair, and only canonical names")
    func mappingFile() {
        let text = MappingFile.text
        #expect(text.hasPrefix("# "))
        #expect(text.contains("\ndate_format: MM/dd/yyyy\ntime_zone: America/Chicago\ntables:\n"))
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
