import Foundation
import GRDB
import Testing

/// Reject messages name the column and the reason; the value (perhaps a patient id pushed into
/// another column) is only in the `--rejects` file's raw line (SPEC section 6).
@Suite("reject messages, end to end", .serialized)
struct RejectMessageEndToEndTests {
    static let header = "patient_id,episode_id,program,site,level_of_care,admission_date,discharge_date,"
        + "discharge_reason,age_at_admission,sex,race,ethnicity,payer,referral_source,primary_dx,planned_weeks\n"
    /// A valid episode row, field by field.
    static let row = ["MRN", "E900001", "sud", "riverside", "IOP", "2026-09-01", "", "", "30", "male", "White",
                      "Hispanic or Latino", "Medicare", "self", "F32.1", "8"]

    @Test("Issue 8.7: an MRN pushed into level_of_care, a date or the age is in no stored or printed message")
    func noIdentifierInMessages() throws {
        // Given episodes whose fields an unbalanced quote upstream shifted, so that a patient id lands
        // in level_of_care, in admission_date and in age_at_admission
        let folder = try TemporaryFolder()
        let episodes = folder.path("episodes.csv")
        let rows = [(4, "MRN900001"), (5, "MRN900002"), (8, "MRN900003")].map { column, id in
            var fields = Self.row
            fields[0] = id
            fields[column] = id
            return fields.joined(separator: ",") + "\n"
        }
        try (Self.header + rows.joined()).write(toFile: episodes, atomically: true, encoding: .utf8)
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])

        // When they are loaded with a rejects file
        let rejects = folder.path("rejects.csv")
        let ingest = try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", "--rejects", rejects,
                                         episodes])

        // Then the three rows are rejected with messages that name the column but not the value
        let messages = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT column_name, message FROM rejected_row ORDER BY row_number")
                .map { "\($0["column_name"] as String? ?? ""): \($0["message"] as String? ?? "")" }
        }
        #expect(messages.count == 3)
        #expect(messages.first?.hasPrefix("level_of_care: the value is not a code of level_of_care;") == true)
        #expect(messages.dropFirst().first?.hasPrefix("admission_date: the value is not a date in the format") == true)
        #expect(messages.last == "age_at_admission: the value is not a whole number")
        #expect(!messages.joined().contains("MRN"))
        // And nothing printed quotes them either
        #expect(!(ingest.stdout + ingest.stderr).contains("MRN9"))
        // And the rejects file keeps each raw line, identifier included
        let rejected = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(["MRN900001", "MRN900002", "MRN900003"].allSatisfy(rejected.contains))
    }
}
