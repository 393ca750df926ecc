import Foundation
import Testing

/// The executable carries its report definitions: it works outside the repository.
@Suite("reports from any directory, end to end", .serialized)
struct ReportAnywhereEndToEndTests {
    @Test("Issue 9.10: report monthly works with the current directory outside the repository")
    func monthlyFromATemporaryFolder() throws {
        // Given a loaded database and a current directory without Reports/
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        #expect(try Executable.run(["init", "--db", db], in: folder.url).status == 0)
        let sample = Executable.packageRoot.appendingPathComponent("SampleData").path
        let ingest = try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", sample], in: folder.url)
        #expect(ingest.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path("Reports")))
        // When the monthly report is asked for by name there
        let result = try Executable.run(["report", "monthly", "--db", "p.sqlite", "--period", "2026-10",
                                         "--out", "monthly.pdf"], in: folder.url)
        // Then it is written from the built-in definition
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: folder.path("monthly.pdf")))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        // And an edited copy still loads, by path or from a folder
        try FileManager.default.createDirectory(atPath: folder.path("ours"), withIntermediateDirectories: true)
        let original = Executable.packageRoot.appendingPathComponent("Reports/monthly.yaml").path
        try FileManager.default.copyItem(atPath: original, toPath: folder.path("ours/monthly.yaml"))
        for arguments in [["ours/monthly.yaml"], ["monthly", "--definitions", "ours"]] {
            let edited = try Executable.run(["report"] + arguments + ["--db", "p.sqlite", "--period", "2026-10",
                                                                      "--out", "edited.pdf"], in: folder.url)
            #expect(edited.status == 0, "\(arguments): \(edited.stderr)")
        }
        let missing = try Executable.run(["report", "weekly", "--db", "p.sqlite", "--period", "2026-10",
                                          "--out", "w.pdf"], in: folder.url)
        #expect(missing.status == 1)
        let names = "accreditation, monthly, qi-review"
        #expect(missing.stderr.contains("weekly: no such built-in report; use one of \(names)"), "\(missing.stderr)")
    }
}
