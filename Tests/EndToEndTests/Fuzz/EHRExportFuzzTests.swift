import Foundation
import Testing
import OutcomesTestSupport

/// Seeded value-level damage to the real export shapes of `SampleData/ehr-export/` (appointments
/// keyed by MRN with date-times, a long flowsheet, a totals feed, wide assessments), loaded
/// through their mapping after the episodes: values replaced by blanks, codes of other columns,
/// impossible dates and numbers; rows repeated, dropped and reordered. Whatever the damage, each
/// file's rows are all read and each ends in one place, and the database stays sound. The cases
/// are `IngestFuzzTests`' seeds; `IOP_FUZZ_CASES` sets how many (8 in `make test`).
@Suite("EHR export fuzzing: damaged values in the real shapes are loaded or rejected, never lost")
struct EHRExportFuzzTests {
    static let caseCount = Int(ProcessInfo.processInfo.environment["IOP_FUZZ_CASES"] ?? "") ?? 8
    static let seeds = (0..<UInt64(caseCount)).map { IngestFuzzTests.firstSeed + $0 }
    static let export = Executable.packageRoot.appendingPathComponent("SampleData/ehr-export")
    /// The shapes damaged: their values hold no quote or comma, so a row is a line split at commas.
    static let damaged = ["appointments-2026-08.csv", "appointments-2026-09.csv", "appointments-2026-10.csv",
                          "assessments.csv", "flowsheet.csv", "measures-feed.csv"]
    /// Values put in a field's place; none holds a comma, quote or line break (rows stay rows).
    static let values = ["", " ", "N/A", "0", "-1", "99999999999999999999", "3.5", "-0.0", "2026-02-30", "13/45/2026",
                         "2026-10-03T25:00:00Z", "10/03/2026 13:30 PM", "2099-01-01", "1899-12-31", "Nearly every day",
                         "LA6571-9", "PHQ9", "GAD7", "total", "70274-6", "44261-6", "11", "=cmd|x", "MRN000001",
                         String(repeating: "x", count: 300)]

    @Test(arguments: seeds)
    func damagedValuesAreAccountedFor(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let folder = try TemporaryFolder()
        var rowsWritten: [String: Int] = [:]
        for name in Self.damaged {
            let text = try String(contentsOf: Self.export.appendingPathComponent(name), encoding: .utf8)
            // Lines end in CRLF (as EHR exports write them), a single Character in Swift.
            var lines = text.components(separatedBy: .newlines).filter { !$0.isEmpty }
            let header = lines.removeFirst()
            var rows = lines.map { line -> String in
                guard below(5) == 0 else { return line }
                var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[below(fields.count)] = Self.values[below(Self.values.count)]
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
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        let result = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01",
                                         "--mapping", Self.export.appendingPathComponent("mapping.yaml").path,
                                         Self.export.appendingPathComponent("episodes.csv").path]
                                        + Self.damaged.map(folder.path))
        let context = "seed \(seed): \(result.stderr.prefix(500))"
        #expect(result.exited && result.status == 0, "\(context)")
        guard result.status == 0 else { return }
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        func count(_ value: Any?) -> Int { value as? Int ?? 0 }
        for file in summary["files"] as? [[String: Any]] ?? [] {
            let name = ((file["file"] as? String ?? "") as NSString).lastPathComponent
            let outcomes = ["loaded", "updated", "duplicates", "rejected"].map { count(file[$0]) }.reduce(0, +)
            #expect(count(file["read"]) == outcomes, "\(file); \(context)")
            if let written = rowsWritten[name] { #expect(count(file["read"]) == written, "\(name); \(context)") }
        }
        let violations = try DatabaseInvariants.violations(at: db, groupedAssessments: true)
        #expect(violations == [], "\(violations); \(context)")
    }
}
