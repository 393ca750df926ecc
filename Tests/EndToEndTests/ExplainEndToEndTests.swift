import Foundation
import Testing

/// `explain` on the sample program: the counts `analyze` prints, episode by episode, for internal use only.
@Suite("explain, end to end", .serialized)
struct ExplainEndToEndTests {
    static let database = AnalyzeEndToEndTests.database

    struct Explained: Decodable {
        struct Row: Decodable {
            var patient_key: String
            var in_denominator: Bool
            var numerator: Int
            var denominator: Int
            var excluded_reason: String?
        }
        var value: AnalyzeEndToEndTests.Figure
        var rows: [Row]
    }

    @Test("every metric of a cohort explains to the counts analyze prints for it")
    func everyMetricMatchesAnalyze() throws {
        // Given the sud cohort's metrics for October
        let analyzed = try Executable.run(["analyze", "--db", Self.database, "--period", "2026-10", "--by", "program",
                                           "--format", "json"])
        let output = try JSONDecoder().decode(AnalyzeEndToEndTests.Output.self, from: Data(analyzed.stdout.utf8))
        let sud = try #require(output.cohorts.first { $0.key == ["program": "sud"] })
        #expect(sud.metrics.count > 40)
        for (id, figure) in sud.metrics {
            // When each is explained
            let run = try Executable.run(["explain", "--db", Self.database, "--period", "2026-10", "--by", "program",
                                          "--cohort", "sud", "--format", "json", id])
            #expect(run.status == 0, "\(id): \(run.stderr)")
            let explained = try JSONDecoder().decode(Explained.self, from: Data(run.stdout.utf8))
            // Then its members add up to the figure's counts, and every left-out episode has a reason
            let members = explained.rows.filter(\.in_denominator)
            let den = members.reduce(0) { $0 + $1.denominator }
            if let num = figure.num {
                #expect(members.reduce(0) { $0 + $1.numerator } == num && den == figure.den, "\(id)")
            } else {
                #expect(den == figure.n, "\(id)")
            }
            #expect(explained.rows.filter { !$0.in_denominator }.allSatisfy { $0.excluded_reason != nil }, "\(id)")
            #expect(explained.rows.allSatisfy { $0.patient_key.count == 64 }, "\(id)")
        }
    }

    @Test("refused with --suppress (a usage error); a file is owner-only; the table is stamped as PHI")
    func internalUseOnly() throws {
        let metric = "outcomes.PHQ-9.reliable_improvement_rate"
        let refused = try Executable.run(["explain", "--db", Self.database, "--period", "2026-10", "--suppress", metric])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("refused with --suppress"))
        #expect(refused.stdout.isEmpty)

        let previous = umask(0o022)
        defer { umask(previous) }
        let folder = try TemporaryFolder()
        let written = try Executable.run(["explain", "--db", Self.database, "--period", "2026-10", "--out",
                                          folder.path("explain.txt"), metric])
        #expect(written.status == 0, "\(written.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path("explain.txt"))[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let table = try String(contentsOfFile: folder.path("explain.txt"), encoding: .utf8)
        #expect(table.hasPrefix("CONTAINS PROTECTED HEALTH INFORMATION"))
        #expect(table.hasSuffix("CONTAINS PROTECTED HEALTH INFORMATION: internal use only; do not share outside the program.\n"))

        let unknown = try Executable.run(["explain", "--db", Self.database, "--period", "2026-10", "outcomes.NOPE.pairs"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown metric 'outcomes.NOPE.pairs'"))
    }
}
