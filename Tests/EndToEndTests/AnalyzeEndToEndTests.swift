import Foundation
import Testing

/// `analyze` on the sample program: SPEC section 9 structure and the row-count identities.
@Suite("analyze, end to end", .serialized)
struct AnalyzeEndToEndTests {
    struct Output: Decodable {
        struct Range: Decodable { var from: String; var to: String }
        struct Cohort: Decodable { var key: [String: String]; var metrics: [String: Figure] }
        var period: Range
        var cohorts: [Cohort]
    }

    struct Figure: Decodable {
        var value: Double?
        var num: Int?
        var den: Int?
        var n: Int?
        var suppressed: Bool?
    }

    /// A database with the sample program loaded, shared by the tests of this suite.
    static let database = SampleDatabase.loaded("analyze")

    func analyze(_ arguments: [String]) throws -> Output {
        let result = try Executable.run(["analyze", "--db", Self.database, "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    }

    @Test func aPeriodWithNothingRecordedIsNoted() throws {
        // January 2030 is after the sample's data; October 2026 is its last month.
        let future = try Executable.run(["analyze", "--db", Self.database, "--format", "json", "--period", "2030-01"])
        #expect(future.status == 0)
        #expect(future.stderr == "note: nothing is recorded during 2030-01-01 to 2030-01-31 in this database (no "
                + "admission, discharge or session), so its figures are empty or carried over from earlier; check "
                + "--period, or load its data first\n")
        let october = try Executable.run(["analyze", "--db", Self.database, "--format", "json", "--period", "2026-10"])
        #expect(october.status == 0 && october.stderr.isEmpty)
    }

    @Test func theJSONHasOneFigurePerMetricWithItsCounts() throws {
        let output = try analyze(["--period", "2026-10", "--by", "program"])
        #expect(output.period.from == "2026-10-01" && output.period.to == "2026-10-31")
        #expect(output.cohorts.first?.key.isEmpty == true)
        #expect(Set(output.cohorts.dropFirst().compactMap { $0.key["program"] }).count >= 4)
        let overall = try #require(output.cohorts.first).metrics
        for id in ["census.admissions", "engagement.attendance_rate", "engagement.completion_rate", "fidelity.baseline_rate",
                   "outcomes.PHQ-9.reliable_improvement_rate", "outcomes.combined.reliable_recovery_rate", "goals.t_score_mean",
                   "relapse.step_up_rate", "relapse.acute_care_30_rate"] {
            #expect(overall[id] != nil, "\(id) is missing")
        }
        for (id, figure) in overall {
            // A proportion carries num and den, a statistic carries n; a value never exceeds its definition.
            #expect((figure.num != nil && figure.den != nil) || figure.n != nil, "\(id)")
            if let num = figure.num, let den = figure.den {
                #expect(num <= den, "\(id)")
                #expect((figure.value == nil) == (den == 0), "\(id)")
            }
        }
    }

    @Test func countsAddUp() throws {
        let output = try analyze(["--period", "2026-10", "--by", "program"])
        let overall = try #require(output.cohorts.first).metrics
        let discharges = try #require(overall["census.discharges"]?.n)
        // Discharges = the sum of the discharge reasons.
        let reasons = overall.filter { $0.key.hasPrefix("census.discharge_reason.") }
        #expect(reasons.count == 8)
        #expect(reasons.values.compactMap(\.num).reduce(0, +) == discharges)
        // Every cohort's admissions, discharges and sessions add up to the overall figure.
        for id in ["census.admissions", "census.discharges", "census.active_end"] {
            let parts = output.cohorts.dropFirst().compactMap { $0.metrics[id]?.n }.reduce(0, +)
            #expect(parts == overall[id]?.n, "\(id)")
        }
        let scheduled = output.cohorts.dropFirst().compactMap { $0.metrics["engagement.attendance_rate"]?.den }.reduce(0, +)
        #expect(scheduled == overall["engagement.attendance_rate"]?.den)
        // Episodes discharged with a PHQ-9 score either have a pair or are counted as "no outcome pair".
        let pairs = try #require(overall["outcomes.PHQ-9.pairs"])
        #expect((pairs.num ?? 0) + (overall["outcomes.PHQ-9.no_pair"]?.n ?? 0) == pairs.den)
    }

    @Test func suppressionHidesSmallCountsAndTheirComplements() throws {
        let output = try analyze(["--period", "2026-10", "--by", "program", "--suppress", "--metrics", "census.discharges"])
        let figures = output.cohorts.dropFirst().compactMap { $0.metrics["census.discharges"] }
        // No small count is shown, and never exactly one cohort is hidden (it could be recovered from the total).
        #expect(figures.allSatisfy { $0.suppressed == true || ($0.n ?? 0) == 0 || ($0.n ?? 0) > 10 })
        #expect(figures.filter { $0.suppressed == true }.count != 1)
    }

    @Test func anEmptyPeriodGivesZeroDenominatorsNotErrors() throws {
        let output = try analyze(["--from", "2020-01-01", "--to", "2020-01-31"])
        let overall = try #require(output.cohorts.first).metrics
        #expect(overall["census.admissions"]?.n == 0)
        #expect(overall["engagement.attendance_rate"]?.den == 0)
        #expect(overall["engagement.attendance_rate"]?.value == nil)
    }

    @Test func aTrendGivesOneFigurePerMonth() throws {
        let result = try Executable.run(["analyze", "--db", Self.database, "--period", "2026-10", "--trend", "12",
                                         "--metrics", "engagement.attendance_rate", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(whereSeparator: \.isNewline)
        #expect(lines.count == 13)
        #expect(lines[1].hasPrefix("engagement.attendance_rate,2025-11,"))
        #expect(lines[12].hasPrefix("engagement.attendance_rate,2026-10,"))
    }

    /// The rows of `analyze --table NAME --format csv` as dictionaries.
    func table(_ name: String) throws -> [[String: String]] {
        let result = try Executable.run(["analyze", "--db", Self.database, "--period", "2026-10", "--table", name, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init))) }
    }

    @Test func reportTablesAgreeWithTheMetrics() throws {
        let overall = try #require(try analyze(["--period", "2026-10"]).cohorts.first).metrics
        // Discharge reasons add up to the discharges.
        #expect(try table("discharge_reasons").compactMap { Int($0["discharges"] ?? "") }.reduce(0, +) == overall["census.discharges"]?.n)
        // The severity shift holds every banded PHQ-9 pair once.
        #expect(try table("severity_shift").compactMap { Int($0["pairs"] ?? "") }.reduce(0, +) == overall["outcomes.PHQ-9.pairs"]?.num)
        // Sessions by type add up to the scheduled sessions of the attendance rate.
        let types = try table("session_mix").filter { $0["by"] == "type" }
        #expect(types.compactMap { Int($0["scheduled"] ?? "") }.reduce(0, +) == overall["engagement.attendance_rate"]?.den)
        #expect(types.compactMap { Int($0["attended"] ?? "") }.reduce(0, +) == overall["engagement.attendance_rate"]?.num)
    }
    @Test("""
        --watch-list: one row per watched episode, by track, disengaged ones as many as the metric counts; \
        never --suppress
        """)
    func watchList() throws {
        let result = try Executable.run(["analyze", "--db", Self.database, "--period", "2026-10", "--watch-list",
                                         "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "patient_key,episode_id,track,reasons,instruments")
        let rows = lines.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0[0].count == 64 && $0[0].allSatisfy(\.isHexDigit) }, "whole pseudonyms")
        #expect(rows.map { $0[2] } == rows.map { $0[2] }.sorted(), "grouped by track")
        // The disengagement flag of each row agrees with the metric's numerator.
        let overall = try #require(try analyze(["--period", "2026-10"]).cohorts.first).metrics
        #expect(rows.filter { $0[3].contains("disengagement") }.count == overall["engagement.disengaged_rate"]?.num)
        // The list is internal: no suppressed form.
        let refused = try Executable.run(["analyze", "--db", Self.database, "--period", "2026-10", "--watch-list",
                                          "--suppress"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--watch-list is episode-level and internal"))
    }
    @Test("--watch-list --out: the same CSV in a file created owner-only; --out alone is a usage error")
    func watchListToAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let arguments = ["analyze", "--db", Self.database, "--period", "2026-10", "--watch-list", "--format", "csv"]
        let printed = try Executable.run(arguments)
        let written = try Executable.run(arguments + ["--out", file])
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let refused = try Executable.run(["analyze", "--db", Self.database, "--period", "2026-10", "--out", file])
        #expect(refused.status == 2)
    }
}
