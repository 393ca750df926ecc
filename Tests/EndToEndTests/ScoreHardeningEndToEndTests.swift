import Foundation
import Testing

/// Issue 9, items 1, 5 and 6, through the built executable: huge numbers, instrument files
/// checked in full, decimal and negative scores.
@Suite("numbers, instrument files and decimal scores, end to end", .serialized)
struct ScoreHardeningEndToEndTests {
    func ingest(_ db: String, _ arguments: [String]) throws -> (Executable.Result, [IngestEndToEndTests.FileSummary]) {
        let result = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01"]
                                        + arguments)
        let summary = try? JSONDecoder().decode(IngestEndToEndTests.Summary.self, from: Data(result.stdout.utf8))
        let files = summary?.files ?? []
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

extension ScoreHardeningEndToEndTests {
    static let instruments = """
        instruments:
          - code: ORS-X
            name: ORS-like, one decimal
            decimals: 1
            items: {count: 4, range: [0, 10]}
            total_range: [0, 40]
            caseness: 20.3
            reliable_change: {points: 6.0, source: test}
          - code: NEG
            name: A scale with a negative range
            items: {count: 2, range: [-5, 5]}
            total_range: [-10, 10]
        """

    func program(_ folder: TemporaryFolder) throws {
        try write("patient_id,episode_id,program,admission_date,discharge_date,discharge_reason\n"
                  + "P1,E1,sud,2026-09-20,2026-10-18,completed\n", folder.path("episodes.csv"))
        // ORS-X 8.2 -> 2.2: exactly 6.0 better (in Double 5.999999999999999); NEG -3; PHQ-9 12 in the same file
        try write("episode_id,assessed_on,instrument,item_1,item_2,item_3,item_4,total,timepoint\n"
                  + "E1,2026-09-20,ORS-X,2.0,2.0,2.0,2.2,8.2,intake\n"
                  + "E1,2026-10-18,ORS-X,,,,,2.2,discharge\n"
                  + "E1,2026-09-21,NEG,-5,2,,,-3,intake\n"
                  + "E1,2026-09-20,PHQ-9,,,,,12,intake\n", folder.path("assessments.csv"))
    }

    @Test("Issue 9.5: an instrument file is checked before any row is read; negative ranges load beside PHQ-9")
    func instrumentFileCheckedFirst() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        try program(folder)
        // caseness 100 on PHQ-9 (0-27): refused with the file and line, nothing loaded
        try write("instruments:\n  - code: PHQ-9\n    caseness: 100\n", folder.path("bad.yaml"))
        let (refused, _) = try ingest(db, ["--instruments", folder.path("bad.yaml"), folder.path("episodes.csv")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.yaml:3:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("caseness 100 is outside the reporting range 0...27"), "\(refused.stderr)")
        // the good file: every row loads, the negative score too (v1's score >= 0 rolled back the whole file)
        try write(Self.instruments, folder.path("instruments.yaml"))
        let (result, files) = try ingest(db, ["--instruments", folder.path("instruments.yaml"),
                                              folder.path("episodes.csv"), folder.path("assessments.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(files.map(\.loaded) == [1, 4] && files.allSatisfy { !$0.already_loaded && $0.rejected == 0 })
    }

    struct Analysis: Decodable {
        struct Cohort: Decodable { var metrics: [String: Metric] }
        struct Metric: Decodable { var value: Double?; var num: Int?; var den: Int? }
        var cohorts: [Cohort]
    }

    @Test("Issue 9.6: a one-decimal instrument is stored and compared exactly, end to end")
    func decimalScoresEndToEnd() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        try program(folder)
        try write(Self.instruments, folder.path("instruments.yaml"))
        let (loaded, _) = try ingest(db, ["--instruments", folder.path("instruments.yaml"),
                                          folder.path("episodes.csv"), folder.path("assessments.csv")])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        let result = try Executable.run(["analyze", "--db", db, "--period", "2026-10", "--format", "json",
                                         "--instruments", folder.path("instruments.yaml"),
                                         "--metrics", "outcomes.ORS-X.*"])
        #expect(result.status == 0, "\(result.stderr)")
        let metrics = try JSONDecoder().decode(Analysis.self, from: Data(result.stdout.utf8)).cohorts[0].metrics
        // 8.2 -> 2.2: a change of exactly -6.0, which reaches the 6.0-point threshold: 1 of 1 pairs
        #expect(metrics["outcomes.ORS-X.mean_baseline"]?.value == 8.2)
        #expect(metrics["outcomes.ORS-X.mean_change"]?.value == -6.0)
        #expect(metrics["outcomes.ORS-X.reliable_improvement_rate"]?.num == 1)
        #expect(metrics["outcomes.ORS-X.reliable_improvement_rate"]?.den == 1)
    }
}
