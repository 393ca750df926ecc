import Foundation
import Testing

/// Names from input that a spreadsheet would run as formulas, through ingest and `analyze --format csv`.
@Suite("CSV injection, end to end", .serialized)
struct CSVInjectionEndToEndTests {
    /// The sample program with formula-like program, site and payer names, and one rejected row
    /// whose raw line starts with `=`.
    func hostileCopy(_ folder: TemporaryFolder) throws -> String {
        let data = folder.path("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let sample = Executable.packageRoot.appendingPathComponent("SampleData")
        for name in ["episodes", "sessions", "assessments", "goals", "events"] {
            var text = try String(contentsOf: sample.appendingPathComponent("\(name).csv"), encoding: .utf8)
            if name == "episodes" {
                text = text.replacingOccurrences(of: ",adult-mh,", with: ",-2,")
                    .replacingOccurrences(of: ",lakeview,", with: ",=1+1,")
                    .replacingOccurrences(of: ",downtown,", with: ",+cmd|' /C calc'!A0,")
                    .replacingOccurrences(of: ",Medicaid,", with: ",@SUM(1),")
                text += "=1+1,E999999,sud,riverside,IOP,not-a-date,,,30,male,White,Hispanic or Latino,Medicare,"
                    + "self,F32.1,8\n"
            }
            try text.write(toFile: "\(data)/\(name).csv", atomically: true, encoding: .utf8)
        }
        return data
    }

    @Test("Issue 8.5: formula-like names are prefixed in every CSV, computed negative numbers are not")
    func formulaNamesEndToEnd() throws {
        // Given the sample program with hostile names, loaded
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        let rejects = folder.path("rejects.csv")
        let ingest = try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", "--rejects", rejects,
                                         try hostileCopy(folder)])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        // When the metrics are written as CSV by program and site, and by payer
        let base = ["analyze", "--db", db, "--period", "2026-10", "--format", "csv"]
        let bySite = try Executable.run(base + ["--by", "program,site"])
        let byPayer = try Executable.run(base + ["--by", "payer"])
        let trend = try Executable.run(base + ["--by", "site", "--trend", "3", "--metrics", "engagement.*"])
        #expect(bySite.status == 0 && byPayer.status == 0 && trend.status == 0, "\(bySite.stderr)\(trend.stderr)")

        // Then every name starts with a quote mark, never with the formula character itself
        let lines = (bySite.stdout + byPayer.stdout + trend.stdout).split(separator: "\r\n")
        #expect(lines.contains { $0.hasPrefix("'-2,'=1+1,") })
        #expect(lines.contains { $0.hasPrefix("'-2,'+cmd|' /C calc'!A0,") })
        #expect(lines.contains { $0.hasPrefix("'@SUM(1),") })
        #expect(lines.contains { $0.hasPrefix("'=1+1,") })
        #expect(!lines.contains { ["=", "+", "-", "@"].contains($0.first.map(String.init) ?? "") })
        // And a computed mean change stays a negative number, unquoted
        #expect(bySite.stdout.split(separator: "\r\n").contains { $0.hasPrefix(",,outcomes.PHQ-9.mean_change,-") })
        // And the rejects file quotes the raw line behind the same prefix
        let rejected = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(rejected.contains("\"'=1+1,E999999,"))
    }
}
