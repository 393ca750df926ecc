import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Post-discharge deterioration and symptom relapse in a cohort")
struct PostDischargeDeteriorationTests {
    @Test("follow-up worse than the final by the threshold, for the June cohort of October")
    func followUp() throws {
        // Given June discharges (105 days fully elapsed by Oct 31), PHQ-9 threshold 6:
        //   a: 18 -> 8 at discharge Jun 10; followup_30 Jul 10 = 14 (+6)       -> deteriorated
        //   b: 18 -> 8; a score 30 days later (Jul 10, no timepoint) = 13 (+5)  -> followed up, not deteriorated
        //   c: 18 -> 8; no follow-up                                            -> outside the denominator
        // Then 1/2
        let dataset = AnalysisDataset(episodes: ["a", "b", "c"].map {
            Fixture.episode($0, admitted: "2026-05-10", discharged: "2026-06-10")
        }, assessments: ["a", "b", "c"].flatMap { [Fixture.score($0, "2026-05-10", 18), Fixture.score($0, "2026-06-10", 8)] } + [
            Fixture.score("a", "2026-07-10", 14, .followup30), Fixture.score("b", "2026-07-10", 13),
        ])
        let cohort = try #require(Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october)).overall)
        #expect(cohort.metrics["relapse.PHQ-9.post_discharge_deterioration_rate"] == .rate(1, 2))
        #expect(cohort.postDischargeDeterioration.first?.cohort == Period.month("2026-06"))
    }

    @Test("symptom relapse denominator: episodes that reached response or remission")
    func relapseRate() throws {
        // Given October discharges with PHQ-9 (baseline on admission Sep 1):
        //   a: 20, 9 (response), 16 (case, +7 from 9)  -> relapse
        //   b: 20, 9 (response), 12 (+3)               -> reached, no relapse
        //   c: 20, 14                                  -> never reached
        //   d: 8 (not a case), 2, 12                   -> outside
        // Then 1/2
        let scores: [String: [Int]] = ["a": [20, 9, 16], "b": [20, 9, 12], "c": [20, 14], "d": [8, 2, 12]]
        let dates = ["2026-09-01", "2026-09-15", "2026-10-01"]
        let dataset = AnalysisDataset(episodes: scores.keys.sorted().map {
            Fixture.episode($0, admitted: "2026-09-01", discharged: "2026-10-05")
        }, assessments: scores.flatMap { id, totals in totals.enumerated().map { Fixture.score(id, dates[$0], $1) } })
        let cohort = try #require(Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october)).overall)
        #expect(cohort.metrics["relapse.PHQ-9.symptom_relapse_rate"] == .rate(1, 2))
    }

    @Test("events follow the patient into program cohorts")
    func eventsFollowPatients() throws {
        // Given patient p with a sud episode discharged Oct 10 (step-up event Oct 5) and an adult-mh episode discharged Oct 20
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("s", patient: "p", program: "sud", admitted: "2026-09-01", discharged: "2026-10-10"),
            Fixture.episode("m", patient: "p", program: "adult-mh", admitted: "2026-10-11", discharged: "2026-10-20"),
        ], events: [Fixture.event("p", "2026-10-05", .psychInpatient)])
        let result = Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october), by: [.program])
        // Then the step-up counts for the sud episode only (the event predates the adult-mh admission)
        #expect(result.cohort(CohortKey([.init(.program, "sud")]))?.metrics[MetricID.stepUpRate] == .rate(1, 1))
        #expect(result.cohort(CohortKey([.init(.program, "adult-mh")]))?.metrics[MetricID.stepUpRate] == .rate(0, 1))
        #expect(result.overall?.metrics[MetricID.stepUpRate] == .rate(1, 2))
    }
}
