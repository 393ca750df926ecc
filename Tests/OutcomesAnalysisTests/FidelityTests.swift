import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Measurement fidelity")
struct FidelityTests {
    @Test("baseline within 14 days, two scores on one instrument, discharge score")
    func shares() {
        // Given four episodes discharged Oct 29 (admitted Oct 1):
        //   a: PHQ-9 Sep 17 (admission - 14), PHQ-9 Oct 22 (discharge - 7)   -> baseline, two scores, discharge score
        //   b: PHQ-9 Sep 16 (admission - 15), GAD-7 Oct 16 (admission + 15) -> none of the three (two instruments, one each)
        //   c: GAD-7 Oct 15 (admission + 14), GAD-7 Oct 20 timepoint discharge -> baseline, two scores, discharge score
        //   d: no scores                                                      -> none
        //   plus e: PHQ-9 Oct 1 and Nov 10 (discharge + 12: too late for "two scores" and "discharge score")
        // Then baseline 3/5 (a, c, e), two scores 2/5, discharge score 2/5
        let dataset = AnalysisDataset(episodes: ["a", "b", "c", "d", "e"].map {
            Fixture.episode($0, admitted: "2026-10-01", discharged: "2026-10-29")
        }, assessments: [
            Fixture.score("a", "2026-09-17", 12), Fixture.score("a", "2026-10-22", 8),
            Fixture.score("b", "2026-09-16", 12), Fixture.score("b", "2026-10-16", "GAD-7", 9),
            Fixture.score("c", "2026-10-15", "GAD-7", 9), Fixture.score("c", "2026-10-20", "GAD-7", 5, .discharge),
            Fixture.score("e", "2026-10-01", 12), Fixture.score("e", "2026-11-10", 8),
        ])
        let context = Fixture.context(dataset)
        let fidelity = Fidelity(series: ScoreSeries(context, dischargedIn: context.period), weeks: EpisodeWeeks(context))
        var metrics = MetricSet()
        fidelity.write(to: &metrics)
        #expect(metrics[MetricID.baselineRate] == .rate(3, 5))
        #expect(metrics[MetricID.twoScoresRate] == .rate(2, 5))
        #expect(metrics[MetricID.dischargeScoreRate] == .rate(2, 5))
    }

    @Test("share of complete episode-weeks with a score")
    func weekly() {
        // Given admitted Oct 1, active: complete October weeks Oct 1-7, 8-14, 15-21, 22-28 (Oct 29-Nov 4 ends in November);
        // scores Oct 3 and Oct 5 (both week 1) and Oct 16 (week 3) -> 2 of 4 weeks
        let dataset = AnalysisDataset(episodes: [Fixture.episode("a", admitted: "2026-10-01")], assessments: [
            Fixture.score("a", "2026-10-03", 12), Fixture.score("a", "2026-10-05", "GAD-7", 9), Fixture.score("a", "2026-10-16", 11),
        ])
        let weeks = EpisodeWeeks(Fixture.context(dataset))
        #expect(weeks.completeWeeks == 4)
        #expect(weeks.weeksWithScore == 2)
    }
}
