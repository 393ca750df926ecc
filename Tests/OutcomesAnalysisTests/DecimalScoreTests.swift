import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Decimal and negative scores")
struct DecimalScoreTests {
    /// ORS-like: 4 items 0-10 to one decimal, total 0-40, higher is worse for this test,
    /// caseness 20.3, published reliable change 6.0 points.
    static let orsLike = Instrument(
        code: "ORS-X", name: "ORS-like", decimals: 1,
        itemValues: Array(repeating: ItemValues(0...10, step: Score("0.1")!), count: 4),
        totalRange: 0...40, casenessCutoff: Score("20.3"), reliableChangePoints: Score("6.0"),
        responseFraction: Score("0.5"), remissionBelow: Score("7.2"))

    func outcome(_ pairs: [(String, String)]) -> SymptomOutcome {
        var episodes: [Episode] = []
        var scores: [Assessment] = []
        for (index, pair) in pairs.enumerated() {
            let id = "e\(index)"
            episodes.append(Fixture.episode(id, admitted: "2026-09-20", discharged: "2026-10-18"))
            for (date, score) in [("2026-09-20", pair.0), ("2026-10-18", pair.1)] {
                scores.append(Assessment(episodeID: id, assessedOn: Fixture.day(date), instrument: "ORS-X",
                                         score: Score(score)!))
            }
        }
        var registry = InstrumentRegistry.builtIn
        registry.register([Self.orsLike])
        let dataset = AnalysisDataset(episodes: episodes, assessments: scores, registry: registry)
        let series = ScoreSeries(Fixture.context(dataset), dischargedIn: Fixture.october)
        return SymptomOutcome(instrument: Self.orsLike, series: series, method: .published)
    }

    @Test("Issue 9.6: ORS 8.2 -> 2.2 with a 6.0-point threshold is a reliable improvement, compared exactly")
    func reliableChangeBoundary() {
        // In Double, 8.2 - 2.2 = 5.999999999999999 < 6: the pair would miss the threshold.
        #expect(8.2 - 2.2 < 6.0)
        // Exactly: 82 - 22 = 60 tenths = 6.0 >= 6.0 -> reliable improvement; 20.3 -> 14.3 likewise (203 - 143 = 60).
        // 20.3 -> 14.4: 59 tenths < 60 -> no reliable change. 14.3 -> 20.3: a rise of 6.0 -> deterioration.
        let result = outcome([("20.3", "14.3"), ("8.2", "2.2"), ("20.3", "14.4"), ("14.3", "20.3")])
        #expect(result.categories == [.improvement, .improvement, .noReliableChange, .deterioration])
        var metrics = MetricSet()
        result.write(to: &metrics)
        #expect(metrics["outcomes.ORS-X.reliable_improvement_rate"] == .rate(2, 4))
        // Caseness 20.3 exactly: the two 20.3 baselines are cases (>=); 8.2 and 14.3 are not: 2 cases.
        // Recovered: 14.3 and 14.4 are below 20.3 -> 2 of 2; reliable recovery: only the first -> 1 of 2.
        #expect(metrics["outcomes.ORS-X.recovery_rate"] == .rate(2, 2))
        #expect(metrics["outcomes.ORS-X.reliable_recovery_rate"] == .rate(1, 2))
        // Mean change: (-6.0 - 6.0 - 5.9 + 6.0) / 4 = -11.9 / 4 = -2.975 (means stay Double)
        #expect(abs((result.change.mean ?? 0) - -2.975) < 1e-12)
    }

    @Test("response and remission boundaries are exact: 10.2 is 50% of 20.4, 7.2 is not below 7.2")
    func responseBoundary() {
        // baseline 14.4 is not a case (< 20.3); use a case baseline: 20.4 -> 10.2 is exactly 50%: a response.
        // 20.4 -> 10.3 is above 50%: no response. 20.4 -> 7.1 remits (< 7.2); 20.4 -> 7.2 does not.
        let result = outcome([("20.4", "10.2"), ("20.4", "10.3"), ("20.4", "7.1"), ("20.4", "7.2")])
        #expect(result.responders == 3 && result.remitted == 1 && result.casesAtBaseline == 4)
    }

    @Test("totals above 2^31 are kept whole in analysis, not clamped to Int32")
    func largeTotals() {
        // 3000000000 > 2147483647 (2^31 - 1): it was clamped to 2147483647 before
        let big = Assessment(episodeID: "e", assessedOn: Fixture.day("2026-10-01"), instrument: "PHQ-9",
                             score: 3_000_000_000)
        var columns = AssessmentColumns()
        columns.append(big)
        #expect(columns.score(0) == 3_000_000_000)
    }

    @Test("units beyond 32 bits are kept aside, through the reporting scale and reordering")
    func unitsKeptAside() throws {
        // Y reports stored totals x 1,000,000: a stored 3,000 is reported as 3,000,000,000, beyond
        // Int32.max (2,147,483,647); a stored 2 as 2,000,000, which fits
        let y = Instrument(code: "Y", name: "Y", itemValues: [ItemValues(0...5000)], totalRange: 0...5000,
                           reportingFactor: try #require(Score("1000000")))
        let dataset = Self.oneEpisode(scoredWith: y, [("2026-10-01", "Y", "3000"), ("2026-10-02", "Y", "2"),
            // Int32.min's units (the smallest a record holds) and -10^18 at 6 decimals (the widest a
            // score holds, kept aside); neither is reported (no instrument Z)
            ("2026-10-03", "Z", "-2147483648"), ("2026-10-04", "Z", "-1000000000000.000000")])
        let columns = dataset.assessmentColumns
        #expect((0..<4).map(columns.score) == [3_000_000_000, 2_000_000, -2_147_483_648,
                                               Score(units: -1_000_000_000_000_000_000, decimals: 6)!])
        let number = columns.instrumentCodes.firstIndex(of: "Y")
        #expect(ScoreSeries.read(dataset, position: 0).scores(number).map(\.score) == [3_000_000_000, 2_000_000])
        // The rows reordered keep their totals
        let reordered = columns.reordered([3, 0, 2, 1])
        #expect((0..<4).map(reordered.score) == [3, 0, 2, 1].map(columns.score))
    }

    @Test("a stored total the instrument's current definition cannot hold is left out, never a crash")
    func totalsOutsideTheCurrentDefinition() throws {
        // X now takes whole numbers 0-10 reported x 0.0001; rows loaded under an older definition hold
        // 1.125 (3 decimals: 3 + 4 factor decimals would exceed 6) and 3000000000 (outside 0...10).
        let x = Instrument(code: "X", name: "X", itemValues: [ItemValues(0...10)], totalRange: 0...10,
                           reportingFactor: try #require(Score("0.0001")))
        let dataset = Self.oneEpisode(scoredWith: x, [("2026-10-01", "X", "1.125"), ("2026-10-02", "X", "3000000000"),
                                                      ("2026-10-03", "X", "7.000")])
        // Only 7.000 (= 7 at 0 decimals) is read: 7 x 0.0001 = 0.0007
        let number = dataset.assessmentColumns.instrumentCodes.firstIndex(of: "X")
        let points = ScoreSeries.read(dataset, position: 0).scores(number)
        #expect(points.map(\.score) == [Score("0.0007")])
    }

    @Test("a total is put on its reporting scale alike whether or not it is stored at the instrument's decimals")
    func reportingScaleBounds() throws {
        // D has 1 decimal, totals 0...4.5, reported x 2: a total at 1 decimal is checked in units
        // (0...45), any other rescaled first. 4.5 -> 9.0; 4.6 and -0.1 are outside; 4 (0 decimals)
        // is 4.0 -> 8.0; 4.25 (2 decimals) is more precise than D's 1: not reported.
        let d = ReportingScale(Instrument(code: "D", name: "D", decimals: 1, itemValues: [ItemValues(0...45)],
                                          totalRange: 0...(try #require(Score("4.5"))), reportingFactor: 2))
        let reported = try ["4.5", "0.0", "4.6", "-0.1", "4", "4.25"].map { d.reported(stored: try #require(Score($0))) }
        #expect(reported == [Score("9.0"), Score("0.0"), nil, nil, Score("8.0"), nil])
        // W has whole totals but a bound of 10.5 (not whole): its totals are compared as scores.
        // 10 is within 0...10.5, 11 is not.
        let w = ReportingScale(Instrument(code: "W", name: "W", itemValues: [ItemValues(0...10)],
                                          totalRange: 0...(try #require(Score("10.5")))))
        #expect(w.reported(stored: 10) == 10)
        #expect(w.reported(stored: 11) == nil)
    }

    /// Episode e's dataset, scored `(date, instrument, total)` with `instrument` added to the built-in registry.
    static func oneEpisode(scoredWith instrument: Instrument, _ scores: [(String, String, String)]) -> AnalysisDataset {
        var registry = InstrumentRegistry.builtIn
        registry.register([instrument])
        let assessments = scores.map {
            Assessment(episodeID: "e", assessedOn: Fixture.day($0.0), instrument: $0.1, score: Score($0.2)!)
        }
        return AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-10-01")], assessments: assessments,
                               registry: registry)
    }
}
