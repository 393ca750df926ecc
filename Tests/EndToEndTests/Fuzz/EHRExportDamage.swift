import Foundation
import OutcomesTestSupport

/// Seeded value-level damage to the real export shapes of `SampleData/ehr-export/`: values
/// replaced by blanks, codes of other columns, impossible dates and numbers; rows repeated,
/// dropped and reordered. The same seed writes the same files.
enum EHRExportDamage {
    static let export = Executable.packageRoot.appendingPathComponent("SampleData/ehr-export")
    /// The shapes damaged: their values hold no quote or comma, so a row is a line split at commas.
    static let damaged = ["appointments-2026-08.csv", "appointments-2026-09.csv", "appointments-2026-10.csv",
                          "assessments.csv", "flowsheet.csv", "measures-feed.csv"]
    /// Values put in a field's place; none holds a comma, quote or line break (rows stay rows).
    static let values = ["", " ", "N/A", "0", "-1", "99999999999999999999", "3.5", "-0.0", "2026-02-30", "13/45/2026",
                         "2026-10-03T25:00:00Z", "10/03/2026 13:30 PM", "2099-01-01", "1899-12-31", "Nearly every day",
                         "LA6571-9", "PHQ9", "GAD7", "total", "70274-6", "44261-6", "11", "=cmd|x", "MRN000001",
                         String(repeating: "x", count: 300)]

    /// Writes the damaged copies of `damaged` into `folder`; returns each file's data rows written.
    static func write(seed: UInt64, into folder: TemporaryFolder) throws -> [String: Int] {
        var random = SplitMix64(seed: seed)
        func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        var rowsWritten: [String: Int] = [:]
        for name in damaged {
            let text = try String(contentsOf: export.appendingPathComponent(name), encoding: .utf8)
            // Lines end in CRLF (as EHR exports write them), a single Character in Swift.
            var lines = text.components(separatedBy: .newlines).filter { !$0.isEmpty }
            let header = lines.removeFirst()
            var rows = lines.map { line -> String in
                guard below(5) == 0 else { return line }
                var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[below(fields.count)] = values[below(values.count)]
                return fields.joined(separator: ",")
            }
            for _ in 0..<below(4) where !rows.isEmpty {
                rows.insert(rows[below(rows.count)], at: below(rows.count + 1))
            }
            if below(10) == 0, !rows.isEmpty { rows.remove(at: below(rows.count)) }
            if below(5) == 0 { rows.shuffle(using: &random) }
            rowsWritten[name] = rows.count
            try (([header] + rows).joined(separator: "\n") + "\n").write(toFile: folder.path(name), atomically: true,
                                                                          encoding: .utf8)
        }
        return rowsWritten
    }

    /// Loads the undamaged episodes and the damaged files of `folder` into a new database there
    /// through the export's mapping; returns the database and the load's result.
    static func load(_ folder: TemporaryFolder) throws -> (db: String, result: Executable.Result) {
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        let result = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01",
                                         "--mapping", export.appendingPathComponent("mapping.yaml").path,
                                         export.appendingPathComponent("episodes.csv").path]
                                        + damaged.map(folder.path))
        return (db, result)
    }
}
