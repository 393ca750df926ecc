import Foundation
import Testing

/// What a damaged load kept is still a program's data: `analyze` (by cohort, as a trend, with
/// suppression), `explain`, a chart and the three reports run on it to the end and write what they
/// promise. The loads are `EHRExportDamage`'s (one in four of `EHRExportFuzzTests`' seeds: each
/// case runs nine commands).
@Suite("commands on damaged data: every analysis and report runs on what a damaged load kept", .serialized)
struct DamagedDataCommandsTests {
    static let seeds = EHRExportFuzzTests.seeds.enumerated().filter { $0.offset.isMultiple(of: 4) }.map(\.element)

    @Test(arguments: seeds)
    func everyCommandRunsToTheEnd(seed: UInt64) throws {
        let folder = try TemporaryFolder()
        _ = try EHRExportDamage.write(seed: seed, into: folder)
        let (db, load) = try EHRExportDamage.load(folder)
        try #require(load.status == 0, "seed \(seed): \(load.stderr.prefix(500))")
        let period = ["--db", db, "--period", "2026-10"]
        let jsonOutputs: [[String]] = [
            ["analyze"] + period + ["--by", "program", "--format", "json"],
            ["analyze"] + period + ["--trend", "12", "--format", "json"],
            ["analyze"] + period + ["--by", "program", "--suppress", "--format", "json"],
            ["explain"] + period + ["outcomes.PHQ-9.reliable_improvement_rate", "--format", "json"],
        ]
        for arguments in jsonOutputs {
            let result = try Executable.run(arguments)
            let command = "\(arguments[0]) \(arguments.suffix(3).joined(separator: " "))"
            let context = "seed \(seed), \(command): \(result.stderr)"
            #expect(result.exited && result.status == 0, "\(context)")
            #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(context)")
        }
        let files: [(name: String, arguments: [String], signature: String)] = [
            ("spc.svg", ["chart", "spc"] + period + ["--metric", "engagement.attendance_rate"], "<svg"),
            ("monthly.pdf", ["report", "monthly"] + period, "%PDF-"),
            ("qi-review.pdf", ["report", "qi-review"] + period, "%PDF-"),
            ("accreditation.pdf", ["report", "accreditation"] + period, "%PDF-"),
        ]
        for file in files {
            let out = folder.path(file.name)
            let result = try Executable.run(file.arguments + ["--out", out])
            #expect(result.exited && result.status == 0, "seed \(seed), \(file.name): \(result.stderr)")
            let head = (try? Data(contentsOf: URL(fileURLWithPath: out)).prefix(200)) ?? Data()
            #expect(String(decoding: head, as: UTF8.self).contains(file.signature), "seed \(seed), \(file.name)")
        }
    }
}
