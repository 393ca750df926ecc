import Foundation
import Testing

/// The metric output of `analyze` on SampleData and on a generated 2,000-episode network,
/// compared byte for byte with golden files recorded before the store and loader were rebuilt
/// for network scale (issue 13): the same inputs must give the same numbers. A missing golden
/// fails; `IOP_RECORD_GOLDEN=1` records them anew (only for a change of output that a commit
/// explains).
@Suite("golden metric output", .serialized)
struct GoldenMetricsTests {
    /// One `analyze` run and the golden file that holds its expected output.
    struct Case: CustomTestStringConvertible, Sendable {
        var golden: String
        var database: Database
        var arguments: [String]
        var testDescription: String { golden }
    }

    enum Database: Sendable { case sample, network }

    static let cases: [Case] = [
        Case(golden: "sample-2026-10-by-program.json", database: .sample,
             arguments: ["--period", "2026-10", "--by", "program", "--format", "json"]),
        Case(golden: "sample-2026-Q3-by-site.json", database: .sample,
             arguments: ["--from", "2026-07-01", "--to", "2026-09-30", "--by", "site", "--format", "json"]),
        Case(golden: "sample-2026-10-jacobson-truax-by-level.json", database: .sample,
             arguments: ["--period", "2026-10", "--by", "level_of_care", "--reliable-change", "jacobson-truax",
                         "--format", "json"]),
        Case(golden: "sample-2026-10-trend-12.csv", database: .sample,
             arguments: ["--period", "2026-10", "--trend", "12", "--format", "csv"]),
        Case(golden: "sample-2026-10-equity.csv", database: .sample,
             arguments: ["--period", "2026-10", "--table", "equity", "--format", "csv"]),
        Case(golden: "network-2026-10-by-program.json", database: .network,
             arguments: ["--period", "2026-10", "--by", "program", "--format", "json"]),
        Case(golden: "network-2026-10-by-age-band-sex.csv", database: .network,
             arguments: ["--period", "2026-10", "--by", "age_band,sex", "--format", "csv"]),
        Case(golden: "network-2026-10-trend-12.csv", database: .network,
             arguments: ["--period", "2026-10", "--trend", "12", "--format", "csv"]),
    ]

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Lives as long as the test process: the suite's databases are built once.
    static let suiteFolder = Result { try TemporaryFolder() }

    /// The databases, loaded once for the suite (SampleData, and a 2,000-episode network with seed 7).
    static let databases = Result { () throws -> [Database: String] in
        let folder = try suiteFolder.get().url
        let sample = folder.appendingPathComponent("sample.sqlite").path
        let network = folder.appendingPathComponent("network.sqlite").path
        let networkData = folder.appendingPathComponent("network-data").path
        try Executable.run(["sample-data", "--episodes", "2000", "--seed", "7", "--out", networkData])
        for (db, data) in [(sample, Executable.packageRoot.appendingPathComponent("SampleData").path), (network, networkData)] {
            try Executable.run(["init", "--db", db])
            let load = try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", data])
            guard load.status == 0 else { throw GoldenError.loadFailed(load.stderr) }
        }
        return [.sample: sample, .network: network]
    }

    enum GoldenError: Error { case loadFailed(String) }

    @Test(arguments: cases)
    func analyzeOutputMatchesItsGolden(_ golden: Case) throws {
        let db = try #require(try Self.databases.get()[golden.database])
        let result = try Executable.run(["analyze", "--db", db] + golden.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let file = Self.goldenFolder.appendingPathComponent(golden.golden)
        if ProcessInfo.processInfo.environment["IOP_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: file)
        }
        let expected = try #require(try? String(contentsOf: file, encoding: .utf8),
                                    "missing golden \(golden.golden): record with IOP_RECORD_GOLDEN=1")
        #expect(result.stdout == expected, "differs from \(golden.golden)")
    }
}
