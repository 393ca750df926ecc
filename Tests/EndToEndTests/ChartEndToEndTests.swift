import Foundation
import Testing

/// `chart` on the sample program: every kind, every format, byte-identical twice.
@Suite("chart, end to end", .serialized)
struct ChartEndToEndTests {
    static let database = AnalyzeEndToEndTests.database

    static let kinds: [(kind: String, arguments: [String])] = [
        ("trend", ["--metric", "engagement.attendance_rate", "--target", "0.8"]),
        ("spc", ["--metric", "engagement.attendance_rate"]),
        ("discharge_reasons", []), ("session_mix", []), ("severity_bands", []),
        ("change_by_cohort", ["--by", "program"]), ("severity_shift", []), ("retention", ["--by", "program"]),
        ("goal_attainment", []), ("funnel", ["--metric", "engagement.completion_rate", "--by", "site"]), ("trajectories", []),
    ]

    @Test(arguments: kinds.map(\.kind))
    func everyKindDrawsToEveryFormatTheSameTwice(kind: String) throws {
        let folder = try TemporaryFolder()
        let arguments = Self.kinds.first { $0.kind == kind }?.arguments ?? []
        for format in ["svg", "pdf", "png"] {
            var outputs: [Data] = []
            for run in 0..<2 {
                let out = folder.path("\(kind)-\(run).\(format)")
                let result = try Executable.run(["chart", kind, "--db", Self.database, "--period", "2026-10", "--out", out] + arguments)
                #expect(result.status == 0, "\(kind) \(format): \(result.stderr)")
                outputs.append(try Data(contentsOf: URL(fileURLWithPath: out)))
            }
            #expect(outputs[0] == outputs[1], "\(kind).\(format) differs between two runs")
            let bytes = [UInt8](outputs[0].prefix(8))
            switch format {
            case "pdf": #expect(bytes.starts(with: Array("%PDF-".utf8)))
            case "png": #expect(bytes == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            default: #expect(String(decoding: outputs[0], as: UTF8.self).contains("<svg"))
            }
        }
    }

    @Test func listNamesEveryKind() throws {
        let result = try Executable.run(["chart", "--list"])
        #expect(result.status == 0)
        for kind in Self.kinds.map(\.kind) { #expect(result.stdout.contains(kind)) }
    }

    @Test func mistakesAreUsageErrors() throws {
        let folder = try TemporaryFolder()
        let base = ["--db", Self.database, "--period", "2026-10"]
        #expect(try Executable.run(["chart", "pie"] + base + ["--out", folder.path("x.svg")]).status == 2)
        #expect(try Executable.run(["chart", "trend"] + base + ["--out", folder.path("x.svg")]).status == 2)
        #expect(try Executable.run(["chart", "discharge_reasons"] + base + ["--out", folder.path("x.gif")]).status == 2)
        let unknown = try Executable.run(["chart", "trend", "--metric", "nope.rate"] + base + ["--out", folder.path("x.svg")])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("nope.rate"))
    }
}
