import Foundation
import Testing
import OutcomesTestSupport

/// Seeded value-level damage to the real export shapes of `SampleData/ehr-export/` (appointments
/// keyed by MRN with date-times, a long flowsheet, a totals feed, wide assessments), loaded
/// through their mapping after the episodes (`EHRExportDamage`). Whatever the damage, each
/// file's rows are all read and each ends in one place, and the database stays sound. The cases
/// are `IngestFuzzTests`' seeds; `IOP_FUZZ_CASES` sets how many (8 in `make test`).
@Suite("EHR export fuzzing: damaged values in the real shapes are loaded or rejected, never lost")
struct EHRExportFuzzTests {
    static let caseCount = Int(ProcessInfo.processInfo.environment["IOP_FUZZ_CASES"] ?? "") ?? 8
    static let seeds = (0..<UInt64(caseCount)).map { IngestFuzzTests.firstSeed + $0 }

    @Test(arguments: seeds)
    func damagedValuesAreAccountedFor(seed: UInt64) throws {
        let folder = try TemporaryFolder()
        let rowsWritten = try EHRExportDamage.write(seed: seed, into: folder)
        let (db, result) = try EHRExportDamage.load(folder)
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
        try expectAReloadAddsNothing(db: db, folder: folder, firstLoad: summary, context: context)
    }

    /// Reloading the damaged files at once (`--reload`, the episodes unchanged) stores nothing new:
    /// every row is a duplicate or rejected again for the same reasons, and the database stays sound.
    func expectAReloadAddsNothing(db: String, folder: TemporaryFolder, firstLoad: [String: Any],
                                  context: String) throws {
        let mapping = EHRExportDamage.export.appendingPathComponent("mapping.yaml").path
        let reload = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01", "--reload",
                                         "--mapping", mapping] + EHRExportDamage.damaged.map(folder.path))
        #expect(reload.exited && reload.status == 0, "reload: \(reload.stderr.prefix(500)); \(context)")
        let again = try #require(try JSONSerialization.jsonObject(with: Data(reload.stdout.utf8)) as? [String: Any])
        func files(_ summary: [String: Any]) -> [String: [String: Any]] {
            Dictionary((summary["files"] as? [[String: Any]] ?? []).map { ($0["file"] as? String ?? "", $0) },
                       uniquingKeysWith: { first, _ in first })
        }
        let before = files(firstLoad)
        #expect(files(again).count == EHRExportDamage.damaged.count, "\(context)")
        for (file, counts) in files(again) {
            let first = before[file] ?? [:]
            #expect(counts["loaded"] as? Int == 0 && counts["updated"] as? Int == 0, "\(file): \(counts); \(context)")
            #expect(counts["read"] as? Int == first["read"] as? Int, "\(file); \(context)")
            #expect(counts["rejects_by_reason"] as? [String: Int] == first["rejects_by_reason"] as? [String: Int],
                    "\(file): \(counts); \(context)")
        }
        let violations = try DatabaseInvariants.violations(at: db, groupedAssessments: true)
        #expect(violations == [], "after the reload: \(violations); \(context)")
    }
}
