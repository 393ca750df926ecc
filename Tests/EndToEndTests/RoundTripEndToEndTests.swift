import Foundation
import Testing

/// The sample program loaded from its canonical CSVs, from the EHR export (every real shape
/// through its mapping) and from the FHIR export gives the same `analyze` output.
@Suite("one program, every input form, one analysis", .serialized)
struct RoundTripEndToEndTests {
    static let sample = Executable.packageRoot.appendingPathComponent("SampleData").path

    /// `analyze --format json` for October 2026, overall and by program, after loading `inputs`
    /// into a fresh database (each entry one `ingest` call).
    static func analysis(_ inputs: [[String]]) throws -> (overall: String, byProgram: String, ingest: [String]) {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        var outputs: [String] = []
        for arguments in inputs {
            let result = try Executable.run(["ingest", "--db", db, "--today", "2026-11-01"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(result.stdout)
        }
        func analyze(_ extra: [String]) throws -> String {
            let result = try Executable.run(["analyze", "--db", db, "--period", "2026-10", "--format", "json"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        return (try analyze([]), try analyze(["--by", "program"]), outputs)
    }

    @Test func theEHRExportGivesTheSameAnalysisAsTheCanonicalFiles() throws {
        let canonical = try Self.analysis([[Self.sample]])
        let ehr = try Self.analysis([["--mapping", "\(Self.sample)/ehr-export/mapping.yaml", "\(Self.sample)/ehr-export"]])
        #expect(canonical.overall.contains("\"outcomes.PHQ-9.pairs\""))
        #expect(ehr.overall == canonical.overall)
        #expect(ehr.byProgram == canonical.byProgram)
        #expect(!ehr.ingest[0].contains("rejected "), "\(ehr.ingest[0])")
    }

    @Test func theFHIRExportGivesTheSameAnalysisAsTheCanonicalFiles() throws {
        // Given the committed program written as FHIR by `sample-data --fhir` (same arguments)
        let folder = try TemporaryFolder()
        let written = try Executable.run(["sample-data", "--episodes", "300", "--seed", "2026", "--end", "2026-10-31",
                                          "--fhir", "--out", folder.path("program")])
        #expect(written.status == 0, "\(written.stderr)")
        let fhir = folder.path("program/fhir")
        // When each loads into its own database
        let canonical = try Self.analysis([[Self.sample]])
        let loaded = try Self.analysis([["--mapping", "\(fhir)/mapping.yaml", fhir]])
        // Then every metric, overall and by program, is the same, and no resource was rejected
        #expect(loaded.overall == canonical.overall)
        #expect(loaded.byProgram == canonical.byProgram)
        #expect(!loaded.ingest[0].contains("rejected "), "\(loaded.ingest[0])")
        #expect(loaded.ingest[0].contains("used for other rows: Patient"))
    }
}
