import Foundation
import Testing

/// The checks every FHIR fuzz case makes of a load that succeeded.
enum FHIRLoadAccounting {
    /// Expects `result` (`ingest --format json` of a FHIR export, exit 0) to account for each of
    /// its `lines` (NDJSON lines or Bundle entries) once: read by one table's load, where
    /// read = loaded + updated + duplicates + rejected, or used for other rows, or skipped; and
    /// the database at `db` to be sound.
    static func expectEachLineOnce(_ result: Executable.Result, lines: Int, db: String, context: String) throws {
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = summary["files"] as? [[String: Any]] ?? []
        let accounts = summary["fhir_files"] as? [[String: Any]] ?? []
        func count(_ value: Any?) -> Int { value as? Int ?? 0 }
        for file in files {
            let outcomes = ["loaded", "updated", "duplicates", "rejected"].map { count(file[$0]) }.reduce(0, +)
            #expect(count(file["read"]) == outcomes, "\(file); \(context)")
        }
        let read = files.map { count($0["read"]) }.reduce(0, +)
        let passedOn = accounts.flatMap { account in
            ["used_by_type", "skipped_by_type"].flatMap { (account[$0] as? [String: Int] ?? [:]).values }
        }.reduce(0, +)
        #expect(read + passedOn == lines, "read \(read) + used or skipped \(passedOn) of \(lines) lines; \(context)")
        let violations = try DatabaseInvariants.violations(at: db, groupedAssessments: true)
        #expect(violations == [], "\(violations); \(context)")
    }
}
