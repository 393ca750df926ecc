import Foundation
import OutcomesCore
import Testing
@testable import OutcomesSampleData

@Suite("Sample program determinism")
struct DeterminismTests {
    static let files = ["episodes.csv", "sessions.csv", "assessments.csv", "goals.csv", "events.csv"]

    @Test("the same arguments write byte-identical files")
    func sameBytes() throws {
        // Given two generations with the same arguments
        let program = SampleProgram(episodes: 60, seed: 7, endDate: try #require(Day(iso: "2026-10-31")))
        let first = try temporaryDirectory("first")
        let second = try temporaryDirectory("second")
        // When both are written in full
        for directory in [first, second] {
            try program.writeCanonical(to: directory)
            try program.writeEHRExport(to: directory + "/ehr-export")
            try program.writeDirty(to: directory + "/dirty")
        }
        // Then every file has the same bytes
        let names = Self.files.flatMap { [$0, "ehr-export/" + $0, "dirty/" + $0] }
            + ["ehr-export/flowsheet.csv", "ehr-export/measures-feed.csv", "ehr-export/appointments-2026-10.csv"]
            + ["ehr-export/mapping.yaml", "dirty/README.md", "dirty/expected/rejects.csv", "dirty/expected/accounting.csv"]
        for name in names {
            let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + name))
            #expect(!a.isEmpty, "\(name) is empty")
            #expect(a == b, "\(name) differs between runs")
        }
    }

    @Test("another seed gives another program")
    func otherSeed() throws {
        let end = try #require(Day(iso: "2026-10-31"))
        let a = try temporaryDirectory("seed-a")
        let b = try temporaryDirectory("seed-b")
        try SampleProgram(episodes: 30, seed: 1, endDate: end).writeCanonical(to: a)
        try SampleProgram(episodes: 30, seed: 2, endDate: end).writeCanonical(to: b)
        let sessionsA = try Data(contentsOf: URL(fileURLWithPath: a + "/sessions.csv"))
        let sessionsB = try Data(contentsOf: URL(fileURLWithPath: b + "/sessions.csv"))
        #expect(sessionsA != sessionsB)
    }

    @Test("canonical headers are the SPEC columns")
    func headers() throws {
        let directory = try temporaryDirectory("headers")
        try SampleProgram(episodes: 5, seed: 1, endDate: try #require(Day(iso: "2026-10-31"))).writeCanonical(to: directory)
        for table in CanonicalTable.allCases where table != .assessments {
            #expect(try CSVTable(path: directory + "/\(table.rawValue).csv").header == table.columns)
        }
        let assessments = try CSVTable(path: directory + "/assessments.csv").header
        #expect(assessments == ["episode_id", "assessed_on", "instrument"] + (1...20).map { "item_\($0)" }
                + ["total", "timepoint"])
    }
}
