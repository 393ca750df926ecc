import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Symptom outcomes")
struct SymptomOutcomeTests {
    // Given four PHQ-9 pairs (baseline -> final):
    //   A 15 -> 4   change -11: case -> not a case (recovered), reliable improvement, response (4 <= 7.5), remission (< 5)
    //   B 12 -> 9   change -3:  case -> not a case (recovered), no reliable change, no response (9 > 6)
    //   C  8 -> 3   change -5:  not a case at baseline: outside recovery/response/remission denominators
    //   D 20 -> 18  change -2:  still a case
    // Then recovery 2/3, reliable recovery 1/3, response 1/3, remission 1/3, reliable improvement 1/4,
    // mean change -5.25, SD 4.031129, d = -5.25 / 4.031129 = -1.302365
    @Test("recovery, response and remission count only baseline cases")
    func denominators() {
        let outcome = Fixture.outcome(pairs: [(15, 4), (12, 9), (8, 3), (20, 18)])
        var metrics = MetricSet()
        outcome.write(to: &metrics)
        #expect(metrics["outcomes.PHQ-9.recovery_rate"] == .rate(2, 3))
        #expect(metrics["outcomes.PHQ-9.reliable_recovery_rate"] == .rate(1, 3))
        #expect(metrics["outcomes.PHQ-9.response_rate"] == .rate(1, 3))
        #expect(metrics["outcomes.PHQ-9.remission_rate"] == .rate(1, 3))
        #expect(metrics["outcomes.PHQ-9.reliable_improvement_rate"] == .rate(1, 4))
        #expect(metrics["outcomes.PHQ-9.reliable_deterioration_rate"] == .rate(0, 4))
        #expect(outcome.change.mean == -5.25)
        #expect(abs((outcome.effectSize ?? 0) - -1.302365) < 1e-6)
        #expect(metrics["outcomes.PHQ-9.mean_baseline"]?.value == 13.75)
    }

    @Test("episodes without a valid pair are counted, not dropped")
    func noOutcomePair() {
        // Given three episodes discharged in October:
        //   e1 baseline Sep 20 (admission), final Oct 10: a pair
        //   e2 one score only: no pair
        //   e3 baseline Sep 20, second score Sep 25 (only 5 days later): no pair
        //   e4 no PHQ-9 at all: not in the PHQ-9 denominator
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("e1", admitted: "2026-09-20", discharged: "2026-10-10"),
            Fixture.episode("e2", admitted: "2026-09-20", discharged: "2026-10-10"),
            Fixture.episode("e3", admitted: "2026-09-20", discharged: "2026-10-10"),
            Fixture.episode("e4", admitted: "2026-09-20", discharged: "2026-10-10"),
        ], assessments: [
            Fixture.score("e1", "2026-09-20", 14), Fixture.score("e1", "2026-10-10", 8),
            Fixture.score("e2", "2026-09-20", 14),
            Fixture.score("e3", "2026-09-20", 14), Fixture.score("e3", "2026-09-25", 8),
        ])
        let result = Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october))
        let metrics = result.overall?.metrics
        // Then pairs 1 of 3 episodes with scores, 2 without a pair
        #expect(metrics?["outcomes.PHQ-9.pairs"] == .rate(1, 3))
        #expect(metrics?["outcomes.PHQ-9.no_pair"] == .count(2))
        #expect(metrics?["fidelity.two_scores_rate"] == .rate(2, 4))
    }

    @Test("baseline and final windows")
    func pairWindows() throws {
        let admission = Fixture.day("2026-10-01")
        let discharge = Fixture.day("2026-10-29")
        let scores = [
            ScorePoint(day: Fixture.day("2026-09-16"), score: 21), // admission - 15: outside the baseline window
            ScorePoint(day: Fixture.day("2026-09-17"), score: 20), // admission - 14: the baseline
            ScorePoint(day: Fixture.day("2026-10-15"), score: 12),
            ScorePoint(day: Fixture.day("2026-11-05"), score: 9), // discharge + 7: the final
            ScorePoint(day: Fixture.day("2026-11-06"), score: 2), // discharge + 8: too late
        ]
        let pair = try #require(OutcomePair.find(episodeID: "e", scores: scores, admission: admission, discharge: discharge))
        #expect(pair.baseline.score == 20)
        #expect(pair.final.score == 9)
        #expect(pair.change == -11)
    }

    @Test("severity shift: baseline band x final band")
    func severityShift() throws {
        // Given pairs 15 -> 4 (moderately severe -> minimal) and 12 -> 9 (moderate -> mild)
        let outcome = Fixture.outcome(pairs: [(15, 4), (12, 9)])
        let shift = try #require(outcome.severityShift)
        #expect(shift.bands == ["minimal", "mild", "moderate", "moderately severe", "severe"])
        #expect(shift.counts[3][0] == 1)
        #expect(shift.counts[2][1] == 1)
        #expect(shift.counts.joined().reduce(0, +) == 2)
    }

    @Test("an instrument without a published threshold writes no reliable-change rates")
    func noThreshold() {
        let outcome = Fixture.outcome("AUDIT", pairs: [(20, 6)])
        var metrics = MetricSet()
        outcome.write(to: &metrics)
        #expect(metrics["outcomes.AUDIT.reliable_improvement_rate"] == nil)
        #expect(metrics["outcomes.AUDIT.recovery_rate"] == .rate(1, 1))
        #expect(metrics["outcomes.AUDIT.response_rate"] == nil)
    }

    @Test("Jacobson-Truax uses the cohort's baselines")
    func jacobsonTruaxCohort() {
        // Given baselines 10 and 20 (threshold 6.500585, strict): 20 -> 13 (7 points) improves, 10 -> 4 (6) does not
        let outcome = Fixture.outcome(pairs: [(20, 13), (10, 4)], method: .jacobsonTruax)
        #expect(outcome.improved == 1)
        #expect(outcome.categories == [.improvement, .noReliableChange])
    }

    @Test("audit figures: SD of baselines, the threshold used, reliability and caseness cutoff, per method")
    func auditFigures() throws {
        // Given PHQ-9 baselines 20, 15, 10 (finals 8, 12, 9): mean 15, SD sqrt((25 + 0 + 25) / 2) = 5
        // Then Jacobson-Truax: 1.96 x 5 x sqrt(2 x (1 - 0.89)) = 9.8 x sqrt(0.22) = 4.5966...; published: 6
        for (method, threshold) in [(ReliableChangeMethod.jacobsonTruax, 9.8 * 0.22.squareRoot()), (.published, 6.0)] {
            var metrics = MetricSet()
            Fixture.outcome(pairs: [(20, 8), (15, 12), (10, 9)], method: method).write(to: &metrics)
            #expect(metrics["outcomes.PHQ-9.baseline_sd"] == .statistic(value: 5, n: 3))
            let used = try #require(metrics["outcomes.PHQ-9.reliable_change_threshold"]?.value)
            #expect(abs(used - threshold) < 1e-12, "\(method)")
            #expect(metrics["outcomes.PHQ-9.reliability"] == .statistic(value: 0.89, n: 3))
            #expect(metrics["outcomes.PHQ-9.caseness_cutoff"] == .statistic(value: 10, n: 3))
        }
    }
}
