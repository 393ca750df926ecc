import Foundation
import Testing

/// `iop-outcomes loads` on the sample program: the load log as the provenance appendix lists it.
@Suite("loads, end to end")
struct LoadsEndToEndTests {
    struct Log: Decodable { var loads: [LoadCounts] }

    @Test("every file of SampleData is one load whose counts add up, rejects by reason summing to its rejects")
    func everyLoadAddsUp() throws {
        let db = SampleDatabase.loaded("loads")
        let result = try Executable.run(["loads", "--db", db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let log = try JSONDecoder().decode(Log.self, from: Data(result.stdout.utf8))
        let files = try FileManager.default.contentsOfDirectory(atPath: "SampleData").filter { $0.hasSuffix(".csv") }
        #expect(log.loads.count == files.count)
        for load in log.loads {
            #expect(load.read == load.loaded + load.updated + load.duplicates + load.rejected, "\(load.file)")
            #expect(load.rejects_by_reason.values.reduce(0, +) == load.rejected, "\(load.file)")
        }
        #expect(Set(log.loads.map(\.table)) == ["episodes", "sessions", "assessments", "goals", "events"])
        // The same log as CSV: a header and one line per load.
        let csv = try Executable.run(["loads", "--db", db, "--format", "csv"])
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == log.loads.count + 1)
    }
}
