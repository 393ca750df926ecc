import Foundation
import OutcomesCore
import Testing
@testable import OutcomesSampleData

/// The committed `SampleData/` must be what the generator writes today
/// (`make sample-data`: 300 episodes, seed 2026, end 2026-10-31).
@Suite("Committed SampleData matches the generator")
struct CommittedSampleDataTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SampleData").path

    static func lineCount(_ path: String) throws -> Int {
        try Data(contentsOf: URL(fileURLWithPath: path)).reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }

    @Test("row counts of every committed file equal a fresh generation; hand-made files are byte-identical")
    func matchesFreshGeneration() throws {
        // Given a fresh generation with the committed arguments
        let fresh = try temporaryDirectory("committed")
        let program = SampleProgram(episodes: 300, seed: 2026, endDate: try #require(Day(iso: "2026-10-31")))
        try program.writeCanonical(to: fresh)
        try program.writeEHRExport(to: fresh + "/ehr-export")
        try program.writeDirty(to: fresh + "/dirty")
        // Then each table has as many rows as the committed one
        for table in CanonicalTable.allCases {
            for folder in ["", "ehr-export/"] {
                let name = folder + table.rawValue + ".csv"
                #expect(try Self.lineCount("\(Self.root)/\(name)") == Self.lineCount("\(fresh)/\(name)"),
                        "SampleData/\(name) is stale: run make sample-data")
            }
        }
        for name in ["flowsheet", "measures-feed", "appointments-2026-08", "appointments-2026-09", "appointments-2026-10"] {
            let path = "ehr-export/\(name).csv"
            #expect(try Self.lineCount("\(Self.root)/\(path)") == Self.lineCount("\(fresh)/\(path)"),
                    "SampleData/\(path) is stale: run make sample-data")
        }
        // And the files that involve no arithmetic are identical
        let exact = ["ehr-export/mapping.yaml", "dirty/README.md", "dirty/expected/rejects.csv",
                     "dirty/expected/accounting.csv"] + CanonicalTable.allCases.map { "dirty/\($0.rawValue).csv" }
        for name in exact {
            let committed = try Data(contentsOf: URL(fileURLWithPath: "\(Self.root)/\(name)"))
            #expect(committed == (try Data(contentsOf: URL(fileURLWithPath: "\(fresh)/\(name)"))),
                    "SampleData/\(name) is stale: run make sample-data")
        }
    }
}

/// The committed `SampleData/fhir/` must be what `sample-data --fhir` writes today (12 episodes,
/// seed 2026, end 2026-10-31), byte for byte.
@Suite("Committed FHIR sample matches the generator")
struct CommittedFHIRSampleTests {
    @Test func matchesFreshGeneration() throws {
        let fresh = try temporaryDirectory("committed-fhir")
        try SampleProgram(episodes: 12, seed: 2026, endDate: try #require(Day(iso: "2026-10-31"))).writeFHIRExport(to: fresh)
        let committed = CommittedSampleDataTests.root + "/fhir"
        let names = try FileManager.default.contentsOfDirectory(atPath: fresh).sorted()
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: committed).sorted()))
        #expect(names.contains("manifest.json") && names.contains("Observation.ndjson"))
        for name in names {
            let expected = try Data(contentsOf: URL(fileURLWithPath: "\(fresh)/\(name)"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: "\(committed)/\(name)")) == expected,
                    "SampleData/fhir/\(name) is stale: run make sample-data")
        }
    }
}
