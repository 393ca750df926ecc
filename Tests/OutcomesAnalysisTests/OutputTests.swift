import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Output encoders")
struct OutputTests {
    /// Overall and one program cohort with a proportion, an undefined proportion and a statistic.
    static let cohorts: [(key: CohortKey, metrics: MetricSet)] = {
        var overall = MetricSet()
        overall.set("engagement.attendance_rate", .rate(31, 50))
        overall.set("engagement.dropout_rate", .rate(0, 0))
        overall.set("census.los_median_days", .statistic(value: 41.5, n: 12, ciLow: 30, ciHigh: 50))
        var sud = MetricSet()
        sud.set("engagement.attendance_rate", .rate(2, 3))
        return [(.overall, overall), (CohortKey([.init(.program, "sud \"north\"")]), sud)]
    }()

    @Test("JSON shape of SPEC section 9 (golden)")
    func jsonGolden() {
        let json = AnalysisJSON.encode(period: Fixture.october, cohorts: Self.cohorts)
        let golden = """
        {
          "period": {"from": "2026-10-01", "to": "2026-10-31"},
          "cohorts": [
            {
              "key": {},
              "metrics": {
                "engagement.attendance_rate": {"value": 0.62, "num": 31, "den": 50},
                "engagement.dropout_rate": {"value": null, "num": 0, "den": 0},
                "census.los_median_days": {"value": 41.5, "n": 12, "ci_low": 30, "ci_high": 50}
              }
            },
            {
              "key": {"program": "sud \\"north\\""},
              "metrics": {
                "engagement.attendance_rate": {"value": 0.6666666666666666, "num": 2, "den": 3}
              }
            }
          ]
        }

        """
        #expect(json == golden)
    }

    @Test func jsonCarriesTheIntervalOfAStatistic() {
        let json = AnalysisJSON.value(.statistic(value: 41.5, n: 12, ciLow: 30, ciHigh: 50.25))
        #expect(json == #"{"value": 41.5, "n": 12, "ci_low": 30, "ci_high": 50.25}"#)
    }

    @Test("CSV: dimension columns, then metric,value,num,den,n,ci_low,ci_high at full precision")
    func csvGolden() {
        let csv = AnalysisCSV.encode(dimensions: [.program], cohorts: Self.cohorts)
        let expected = [
            "program,metric,value,num,den,n,ci_low,ci_high",
            ",engagement.attendance_rate,0.62,31,50,,,",
            ",engagement.dropout_rate,,0,0,,,",
            ",census.los_median_days,41.5,,,12,30,50",
            "\"sud \"\"north\"\"\",engagement.attendance_rate,0.6666666666666666,2,3,,,",
        ].joined(separator: "\r\n") + "\r\n"
        #expect(csv == expected)
    }

    @Test("machine numbers: the shortest text that reads back as the same Double", arguments: [
        (0.62, "0.62"), (2.0 / 3, "0.6666666666666666"), (12, "12"), (-3.5, "-3.5"), (48.869172, "48.869172"),
    ])
    func exactNumbers(value: Double, text: String) {
        #expect(NumberText.exact(value) == text)
        #expect(Double(text) == value)
    }

    @Test("table numbers: fixed rounding, trailing zeros dropped", arguments: [
        (0.62, "0.62"), (2.0 / 3, "0.6667"), (12, "12"), (-3.5, "-3.5"), (-0.00001, "0"), (0.00005, "0.0001"), (1234.56789, "1234.5679"),
    ])
    func numbers(value: Double, text: String) {
        #expect(NumberText.plain(value) == text)
    }

    @Test func table() {
        #expect(AnalysisTable.text(.rate(31, 50)) == "62.0%     (31/50)")
        #expect(AnalysisTable.text(.rate(0, 0)) == "-         (0/0)")
        #expect(AnalysisTable.text(.statistic(value: 4.5, n: 20)) == "4.5       (n=20)")
        #expect(AnalysisTable.text(.count(12)) == "12        (n=12)")
    }

    @Test("a full analysis encodes deterministically")
    func deterministic() {
        let dataset = AnalysisDataset(episodes: [Fixture.episode("1", program: "sud", admitted: "2026-10-01")])
        let first = Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october), by: [.program])
        let second = Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october), by: [.program])
        #expect(AnalysisJSON.encode(first) == AnalysisJSON.encode(second))
        #expect(AnalysisJSON.encode(first).contains(#""key": {"program": "sud"}"#))
        #expect(AnalysisCSV.encode(first).hasPrefix("program,metric,value,num,den,n,ci_low,ci_high\r\n,census.admissions,1,,,1,,\r\n"))
        #expect(AnalysisTable.render(first).contains("== program=sud =="))
    }

    @Test("trend CSV: one row per cohort, metric and month; gaps blank")
    func trendCSV() {
        let trend = MetricTrend(key: CohortKey([.init(.program, "sud")]), metric: MetricID.attendanceRate, points: [
            TrendPoint(period: Period.month("2026-09")!, value: nil),
            TrendPoint(period: Fixture.october, value: .rate(3, 4)),
        ])
        #expect(TrendCSV.encode([trend], dimensions: [.program]) == [
            "program,metric,month,value,num,den,n,ci_low,ci_high",
            "sud,engagement.attendance_rate,2026-09,,,,,,",
            "sud,engagement.attendance_rate,2026-10,0.75,3,4,,,",
        ].joined(separator: "\r\n") + "\r\n")
    }
}
