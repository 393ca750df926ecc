import Foundation
import Testing

/// `spc` on small series files: limits and signals as data, a chart drawn the same twice, and
/// bad rows refused with their file, row and column.
@Suite("spc, end to end")
struct SPCEndToEndTests {
    /// Proportions in two phases (split after the 4th point); the 7th point is excluded.
    static let proportions = """
        month,seen,referred
        2026-01,2,10
        2026-02,6,40
        2026-03,2,50
        2026-04,40,400
        2026-05,30,100
        2026-06,10,100
        2026-07,90,100

        """

    private func write(_ text: String, _ name: String, in folder: TemporaryFolder) throws -> String {
        let path = folder.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func number(_ object: Any?, _ key: String) -> Double? {
        ((object as? [String: Any])?[key] as? NSNumber)?.doubleValue
    }

    @Test("a p-chart in two phases with an excluded point, as JSON checked against hand values")
    func pChartJSON() throws {
        let folder = try TemporaryFolder()
        let input = try write(Self.proportions, "referrals.csv", in: folder)
        // When
        let result = try Executable.run(
            ["spc", "--input", input, "--chart", "p", "--part", "4", "--exclude", "7", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let points = try #require(json["points"] as? [[String: Any]])
        let phases = try #require(json["phases"] as? [[String: Any]])
        #expect(points.count == 7)
        // Phase 1: p-bar = (2 + 6 + 2 + 40)/(10 + 40 + 50 + 400) = 50/500 = 0.1
        // n = 10: 3 sigma = 3 sqrt(0.09/10) = 0.284605 -> lower clipped to 0, upper 0.384605
        #expect(number(points[0], "centre") == 0.1)
        #expect(number(points[0], "lower") == 0)
        #expect(abs((number(points[0], "upper") ?? 0) - 0.384605) < 1e-6)
        // n = 400: sigma = 0.015 -> [0.055, 0.145]
        #expect(abs((number(points[3], "lower") ?? 0) - 0.055) < 1e-9)
        // Phase 2 (without the excluded 90/100): p-bar = 40/200 = 0.2; n = 100: sigma = 0.04
        // -> 3 sigma [0.08, 0.32], 2 sigma [0.12, 0.28]
        #expect(abs((number(points[4], "centre") ?? 0) - 0.2) < 1e-12)
        #expect(abs((number(points[4], "lower") ?? 0) - 0.08) < 1e-9)
        #expect(abs((number(points[5], "upper") ?? 0) - 0.32) < 1e-9)
        #expect(abs((number(points[5], "lower_2sigma") ?? 0) - 0.12) < 1e-9)
        #expect(abs((number(points[5], "upper_2sigma") ?? 0) - 0.28) < 1e-9)
        #expect(points.map { ($0["phase"] as? Int) ?? 0 } == [1, 1, 1, 1, 2, 2, 2])
        // 0.9 lies far above 0.32 but is excluded: drawn, not judged
        #expect(points[6]["included"] as? Bool == false)
        #expect(points[6]["outside_limits"] as? Bool == false)
        #expect(points[6]["n"] as? Int == 100)
        // Runs, phase 1: 0.2 and 0.15 above, 0.04 below, 0.1 on the line -> 3 useful points,
        // longest run 2 (max round(log2 3 + 3) = 5), 1 crossing (min qbinom(0.05, 2, 0.5) = 0)
        let runs1 = try #require((phases[0]["runs"] as? [[String: Any]])?.first)
        #expect(runs1["useful_points"] as? Int == 3)
        #expect(runs1["longest_run"] as? Int == 2)
        #expect(runs1["longest_run_max"] as? Int == 5)
        #expect(runs1["crossings"] as? Int == 1)
        #expect(runs1["crossings_min"] as? Int == 0)
        // Phase 2: 0.3 above, 0.1 below -> 2 useful points; max round(log2 2 + 3) = 4
        let runs2 = try #require((phases[1]["runs"] as? [[String: Any]])?.first)
        #expect(runs2["useful_points"] as? Int == 2)
        #expect(runs2["longest_run_max"] as? Int == 4)
        #expect(phases.map { $0["points"] as? Int } == [4, 3])
        #expect(phases.map { $0["sigma_signal"] as? Bool } == [false, false])
    }

    @Test("CSV has one row per point with its phase's runs analysis")
    func csv() throws {
        let folder = try TemporaryFolder()
        let input = try write("week,count\nw1,3\nw2,5\nw3,2\nw4,4\nw5,6\nw6,0\nw7,15\n", "incidents.csv", in: folder)
        let result = try Executable.run(["spc", "--input", input, "--chart", "c", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 8)
        #expect(lines[0].hasPrefix("x,y,n,centre,lower,upper,lower_2sigma,upper_2sigma,phase,included,"))
        // mean 35/7 = 5; upper 5 + 3 sqrt 5 = 11.708204; 15 is outside: sigma signal on every row
        #expect(lines[7].hasPrefix("w7,15,,5,0,11.70820393249937,"))
        // runs around 5: 3 below, 5 on the line (not useful), 2 and 4 below, 6 above, 0 below, 15 above
        // -> 6 useful points, longest run 3 (max round(log2 6 + 3) = 6), 3 crossings
        // (min qbinom(0.05, 5, 0.5) = 1: P(0) = 1/32 = 0.031, P(<= 1) = 6/32 = 0.19)
        #expect(lines[7].hasSuffix(",true,true,false,6,3,6,3,1,false,true"))
    }

    @Test("the SVG is the same bytes twice")
    func svgDeterministic() throws {
        let folder = try TemporaryFolder()
        let input = try write(Self.proportions, "referrals.csv", in: folder)
        var outputs: [Data] = []
        for run in 0..<2 {
            let out = folder.path("chart-\(run).svg")
            let result = try Executable.run([
                "spc", "--input", input, "--chart", "p", "--part", "4", "--exclude", "7", "--freeze", "3",
                "--out", out,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(outputs[0] == outputs[1])
        #expect(String(decoding: outputs[0], as: UTF8.self).contains("<svg"))
    }

    @Test("a bad row is refused naming the file, row and column", arguments: [
        ("month,seen,referred\n2026-01,2,10\n2026-02,x,40\n", "row 3, column 2: the numerator is not a number: 'x'"),
        ("month,seen,referred\n2026-01,12,10\n", "row 2, column 2: the numerator 12 is above the denominator 10"),
        ("month,seen,referred\n2026-01,2\n", "row 2, column 3: the row has 2 columns; this chart reads 3"),
        ("month,seen,referred\n2026-01,-1,10\n", "row 2, column 2: the numerator cannot be negative: -1"),
    ])
    func badRow(text: String, message: String) throws {
        let folder = try TemporaryFolder()
        let input = try write(text, "bad.csv", in: folder)
        let result = try Executable.run(["spc", "--input", input, "--chart", "p", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.csv: " + message), "\(result.stderr)")
    }

    @Test("usage errors exit 2")
    func usage() throws {
        let result = try Executable.run(
            ["spc", "--input", "x.csv", "--chart", "c", "--multiply", "1000", "--format", "json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--multiply applies to p and u charts only"))
    }

    @Test("chart spc --format json gives a program metric's p-chart, p-bar pooled from analyze's monthly counts")
    func programMetric() throws {
        let db = AnalyzeEndToEndTests.database
        let chart = try Executable.run(["chart", "spc", "--db", db, "--period", "2026-10",
                                        "--metric", "engagement.attendance_rate", "--format", "json"])
        #expect(chart.status == 0, "\(chart.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(chart.stdout.utf8)) as? [String: Any])
        let points = try #require(json["points"] as? [[String: Any]])
        let trend = try Executable.run(["analyze", "--db", db, "--period", "2026-10", "--trend", "12",
                                        "--metrics", "engagement.attendance_rate", "--format", "json"])
        let analysis = try JSONSerialization.jsonObject(with: Data(trend.stdout.utf8)) as? [String: Any]
        let series = try #require(analysis?["series"] as? [[String: Any]])
        let months = try #require(series.first?["points"] as? [[String: Any]])
        // Then the same 12 months, each n = that month's denominator, and p-bar = sum num / sum den
        let num = months.compactMap { $0["num"] as? Int }.reduce(0, +)
        let den = months.compactMap { $0["den"] as? Int }.reduce(0, +)
        #expect(points.count == 12)
        #expect(points.map { $0["x"] as? String } == months.map { $0["month"] as? String })
        #expect(points.map { $0["n"] as? Int } == months.map { $0["den"] as? Int })
        #expect(abs((number(points[0], "centre") ?? 0) - Double(num) / Double(den)) < 1e-12)
    }

    @Test("--months is no longer capped at 60")
    func longTrend() throws {
        let result = try Executable.run([
            "chart", "spc", "--db", AnalyzeEndToEndTests.database, "--period", "2026-10",
            "--metric", "engagement.attendance_rate", "--months", "72", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // a header and 72 monthly rows
        #expect(result.stdout.split(separator: "\r\n").count == 73)
    }

    @Test("chart spc takes a frozen baseline, a new phase and an excluded month, by month")
    func programMetricAdjusted() throws {
        let result = try Executable.run([
            "chart", "spc", "--db", AnalyzeEndToEndTests.database, "--period", "2026-10",
            "--metric", "engagement.attendance_rate", "--freeze", "2026-03", "--part", "2026-07",
            "--exclude", "2026-01", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let points = try #require(json["points"] as? [[String: Any]])
        let phases = try #require(json["phases"] as? [[String: Any]])
        // Nov 25 to Oct 26: the baseline is Nov to Mar (5 points), phase 2 starts in July (point 9),
        // Jan 26 (point 3) is left out
        #expect(phases.map { $0["baseline_points"] as? Int } == [5, nil])
        #expect(phases.map { $0["from"] as? String } == ["2025-11", "2026-07"])
        let excluded = points.map { $0["included"] as? Bool == false }
        #expect(excluded == [false, false, true] + Array(repeating: false, count: 9))
        #expect((phases[0]["runs"] as? [Any])?.count == 2)
    }

    @Test("a funnel by clinician is drawn for an internal chart and refused with --external")
    func staffFunnel() throws {
        let folder = try TemporaryFolder()
        let base = ["chart", "funnel", "--db", AnalyzeEndToEndTests.database, "--period", "2026-10",
                    "--metric", "engagement.no_show_rate", "--by", "staff"]
        let drawn = try Executable.run(base + ["--out", folder.path("staff.svg")])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let svg = try String(contentsOfFile: folder.path("staff.svg"), encoding: .utf8)
        #expect(svg.contains("<svg"))
        let external = try Executable.run(base + ["--external", "--out", folder.path("x.svg")])
        #expect(external.status == 2)
        #expect(external.stderr.contains("it names clinicians"))
    }
}
