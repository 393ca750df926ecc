import Foundation
import Testing

/// Issue 9, items 1, 5 and 6, through the built executable: huge numbers, instrument files
/// checked in full, decimal and negative scores.
@Suite("numbers, instrument files and decimal scores, end to end", .serialized)
struct ScoreHardeningEndToEndTests {
    func ingest(_ db: String, _ arguments: [String]) throws -> (Executable.Result, [IngestEndToEndTests.FileSummary]) {
        let result = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01"] + arguments)
        let files = (try? JSONDecoder().decode(IngestEndToEndTests.Summary.self, from: Data(result.stdout.utf8)).files) ?? []
        return (result, files)
    }

    func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test("Issue 9.1: a 20-digit age is bad_number on its row, the process exits normally")
    func hugeNumbersAreBadNumbers() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        try write("patient_id,episode_id,program,admission_date,age_at_admission,planned_weeks\n"
                  + "P1,E1,sud,2026-10-01,99999999999999999999,\n"
                  + "P2,E2,sud,2026-10-01,-9223372036854775808,\n"
                  + "P3,E3,sud,2026-10-01,40,99999999999999999999999\n"
                  + "P4,E4,sud,2026-10-01,40,\n", folder.path("episodes.csv"))
        let (result, files) = try ingest(db, [folder.path("episodes.csv")])
        // exit 0 (rows rejected, file loaded), never a signal
        #expect(result.status == 0, "\(result.stderr)")
        let file = try #require(files.first)
        // 4 rows: 3 with a 19+ digit number, 1 clean
        #expect(file.read == 4 && file.loaded == 1 && file.rejected == 3)
        #expect(file.rejects_by_reason == ["bad_number": 3])
    }
}
