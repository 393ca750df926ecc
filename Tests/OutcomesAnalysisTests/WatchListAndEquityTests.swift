import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Watch list and equity")
struct WatchListAndEquityTests {
    @Test("watch list: active episodes with a reason, reasons in a fixed order")
    func watchList() throws {
        // Given active episodes at the end of October:
        //   a: three no-shows in a row                        -> disengagement
        //   b: PHQ-9 10 at admission, 16 on Oct 20            -> reliable deterioration (+6); also a rise over 3 scores? only 2 scores
        //   c: PHQ-9 18, 8, 14 (last three)                   -> rise 14 - 18 = -4: no; baseline 18 -> 14: no
        //   d: self_harm on Oct 12                            -> safety event
        //   e: discharged Oct 20 with three no-shows          -> not active: not listed
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("a", patient: "pa", admitted: "2026-10-01"),
            Fixture.episode("b", patient: "pb", admitted: "2026-10-01"),
            Fixture.episode("c", patient: "pc", admitted: "2026-10-01"),
            Fixture.episode("d", patient: "pd", admitted: "2026-10-01"),
            Fixture.episode("e", patient: "pe", admitted: "2026-10-01", discharged: "2026-10-20"),
        ], sessions: ["a", "e"].flatMap { id in
            ["2026-10-05", "2026-10-06", "2026-10-07"].map { Fixture.session(id, $0, .noShow) }
        }, assessments: [
            Fixture.score("b", "2026-10-01", 10), Fixture.score("b", "2026-10-20", 16),
            Fixture.score("c", "2026-10-01", 18), Fixture.score("c", "2026-10-10", 8), Fixture.score("c", "2026-10-20", 14),
        ], events: [Fixture.event("pd", "2026-10-12", .selfHarm)])
        let options = AnalysisOptions(period: Fixture.october)
        let entries = Analysis.analyze(dataset, options: options).watchList.entries
        #expect(entries.map(\.episodeID) == ["a", "b", "d"])
        #expect(entries.map(\.reasons) == [[.disengagement], [.reliableDeterioration], [.safetyEvent]])
        #expect(entries[1].instruments == ["PHQ-9"])
        // And the watch list alone (analyze --watch-list) is the same list
        #expect(Analysis.watchList(dataset, options: options).entries == entries)
    }

    @Test("rise over the last three scores")
    func rise() {
        // 8 -> 11 -> 14: 14 - 8 = 6 >= 6 over the last three (baseline 20 -> 14 is an improvement)
        let scores = ([20, 8, 11, 14] as [Score]).enumerated().map { ScorePoint(day: Fixture.day("2026-10-0\($0 + 1)"), score: $1) }
        let reasons = WatchList.scoreReasons(BuiltInInstruments.phq9, ReliableChange(points: 6, inclusive: true, method: .published),
                                             scores, admission: Fixture.day("2026-10-01"))
        #expect(reasons == [.risingScores])
    }

    @Test("equity: strata with the gap to the overall figure")
    func equity() throws {
        // Given October discharges: race A completed, race A ama, race B completed
        // Then completion overall 2/3; A 1/2 (gap 0.5 - 0.6667 = -0.1667); B 1/1 (gap +0.3333)
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("1", admitted: "2026-09-01", discharged: "2026-10-10", race: "A"),
            Fixture.episode("2", admitted: "2026-09-01", discharged: "2026-10-10", reason: .ama, race: "A"),
            Fixture.episode("3", admitted: "2026-09-01", discharged: "2026-10-10", race: "B"),
        ])
        let equity = Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october)).equity
        #expect(equity.overall.completion == .rate(2, 3))
        let race = equity.strata.filter { $0.dimension == .race }
        #expect(race.map(\.value) == ["A", "B"])
        #expect(race[0].figures.completion == .rate(1, 2))
        #expect(abs((race[0].completionGap ?? 0) - (-1.0 / 6)) < 1e-12)
        #expect(abs((race[1].completionGap ?? 0) - (1.0 / 3)) < 1e-12)
        #expect(race[0].attendanceGap == nil)
    }

    @Test("equity: reliable improvement and recovery on PHQ-9 and GAD-7 only, combined when both are paired")
    func equityInstruments() throws {
        // Given October discharges (admitted 09-01, baseline 09-01, final 10-05):
        //   1: PHQ-9 20 -> 8 only: improved (12 >= 6), case -> not a case: recovered
        //   2: PHQ-9 12 -> 11 and GAD-7 15 -> 5: combined: improved (GAD-7 10 >= 4, no deterioration);
        //      a case at baseline, and still a case on PHQ-9 at final (11 >= 10): not recovered
        //   3: AUDIT 20 -> 2 only: never counted (no threshold and caseness from AUDIT is not pooled)
        //   4: GAD-7 5 -> 12 and AUDIT 20 -> 2: GAD-7 alone: deteriorated, not a case at baseline
        // Then reliable improvement 2 of 3 episodes with pairs (1, 2, 4), recovery 1 of 2 cases (1, 2)
        let episodes = ["1", "2", "3", "4"].map { Fixture.episode($0, admitted: "2026-09-01", discharged: "2026-10-10") }
        let scores = [
            ("1", "PHQ-9", 20, 8), ("2", "PHQ-9", 12, 11), ("2", "GAD-7", 15, 5), ("3", "AUDIT", 20, 2),
            ("4", "GAD-7", 5, 12), ("4", "AUDIT", 20, 2),
        ].flatMap { [Fixture.score($0.0, "2026-09-01", $0.1, $0.2), Fixture.score($0.0, "2026-10-05", $0.1, $0.3)] }
        let dataset = AnalysisDataset(episodes: episodes, assessments: scores)
        let equity = Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october)).equity
        #expect(equity.overall.reliableImprovement == .rate(2, 3))
        #expect(equity.overall.recovery == .rate(1, 2))
        #expect(Equity.outcomeRule.contains("PHQ-9 and GAD-7 only"))
    }
}
