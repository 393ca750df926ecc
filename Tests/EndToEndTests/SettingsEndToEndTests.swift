import Foundation
import Testing

/// `--settings FILE.yaml` on the sample program.
@Suite("program settings, end to end", .serialized)
struct SettingsEndToEndTests {
    static let database = AnalyzeEndToEndTests.database

    @Test("the settings file reaches analyze; a mistake names the file and the line and exits 1")
    func settingsFile() throws {
        let folder = try TemporaryFolder()
        let good = folder.path("settings.yaml")
        try Data("gas_rho: 0.5\nsubstance_use_programs: [adult-mh]\n".utf8).write(to: URL(fileURLWithPath: good))
        let base = ["analyze", "--db", Self.database, "--period", "2026-10", "--format", "csv", "--metrics",
                    "goals.rho,relapse.return_to_use_rate"]
        let defaults = try Executable.run(base)
        let configured = try Executable.run(base + ["--settings", good])
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(defaults.stdout.contains("goals.rho,0.3,"))
        #expect(configured.stdout.contains("goals.rho,0.5,"))
        // the return-to-use denominator is now the adult-mh discharges, not the sud ones
        let rows = { (text: String) in text.split(separator: "\r\n").first { $0.hasPrefix("relapse.return_to_use_rate,") } }
        #expect(rows(defaults.stdout) != rows(configured.stdout))

        let bad = folder.path("bad.yaml")
        try Data("gas_rho: 0.3\nprograms:\n  sud: {dose_minimum: {adults: -1}}\n".utf8).write(to: URL(fileURLWithPath: bad))
        let refused = try Executable.run(base + ["--settings", bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.yaml:3: adults of the dose_minimum of sud must be more than 0 and at most 168 hours, not -1.0"))
    }

    @Test("a report takes the program's targets; an unknown metric among them names its line")
    func reportTargets() throws {
        let folder = try TemporaryFolder()
        let bad = folder.path("targets.yaml")
        try Data("targets:\n  engagement.attendance_rate: 0.85\n  outcomes.K99.pairs: 0.5\n".utf8).write(to: URL(fileURLWithPath: bad))
        let refused = try Executable.run(["report", "monthly", "--db", Self.database, "--period", "2026-10",
                                          "--out", folder.path("m.pdf"), "--settings", bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("targets.yaml:3: targets: unknown metric 'outcomes.K99.pairs'"))
        let good = folder.path("good.yaml")
        try Data("targets: {engagement.attendance_rate: 0.85}\n".utf8).write(to: URL(fileURLWithPath: good))
        let written = try Executable.run(["report", "monthly", "--db", Self.database, "--period", "2026-10",
                                          "--out", folder.path("m.pdf"), "--settings", good])
        #expect(written.status == 0, "\(written.stderr)")
    }
}
