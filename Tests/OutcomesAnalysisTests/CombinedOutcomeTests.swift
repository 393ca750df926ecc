import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Combined PHQ-9/GAD-7 outcome")
struct CombinedOutcomeTests {
    // Thresholds PHQ-9 6, GAD-7 4; cutoffs PHQ-9 >= 10, GAD-7 >= 8.
    // (PHQ baseline, PHQ final, GAD baseline, GAD final) -> (improved, deteriorated, recovered, reliably recovered)
    //   15->8 (RI), 10->9 (none):   improved on one, deteriorated on neither; case -> 8 and 9: GAD 9 still a case
    //   15->8 (RI), 6->10 (RD):     improved and deteriorated: neither
    //   12->10 (none), 9->8 (none): neither; still a case
    //   8->14 (RD), 5->5 (none):    deteriorated on one, improved on neither
    //   16->4 (RI), 9->3 (RI):      improved; case -> below both cutoffs: recovered and reliably recovered
    //   5->2, 4->3 (no case at baseline): improved on neither; outside the recovery denominator
    @Test("improvement on one, deterioration on neither", arguments: [
        (15, 8, 10, 9, true, false, false, false),
        (15, 8, 6, 10, false, false, false, false),
        (12, 10, 9, 8, false, false, false, false),
        (8, 14, 5, 5, false, true, false, false),
        (16, 4, 9, 3, true, false, true, true),
    ])
    func paired(p0: Int, p1: Int, g0: Int, g1: Int, improved: Bool, deteriorated: Bool, recovered: Bool, reliable: Bool) throws {
        // Given one episode with both pairs
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-09-20", discharged: "2026-10-18")],
                                      assessments: [
                                          Fixture.score("e", "2026-09-20", "PHQ-9", p0), Fixture.score("e", "2026-10-18", "PHQ-9", p1),
                                          Fixture.score("e", "2026-09-20", "GAD-7", g0), Fixture.score("e", "2026-10-18", "GAD-7", g1),
                                      ])
        // When
        let cohort = try #require(Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october)).overall)
        let combined = try #require(cohort.combined)
        // Then
        #expect(combined.pairs == 1)
        #expect((combined.reliablyImproved == 1) == improved)
        #expect((combined.reliablyDeteriorated == 1) == deteriorated)
        #expect((combined.recovered == 1) == recovered)
        #expect((combined.reliablyRecovered == 1) == reliable)
        #expect(cohort.metrics["outcomes.combined.reliable_improvement_rate"] == .rate(improved ? 1 : 0, 1))
    }

    @Test("no case at baseline on either leaves the recovery denominator empty")
    func notACase() throws {
        // Given PHQ-9 5 -> 2 and GAD-7 4 -> 3
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-09-20", discharged: "2026-10-18")],
                                      assessments: [
                                          Fixture.score("e", "2026-09-20", "PHQ-9", 5), Fixture.score("e", "2026-10-18", "PHQ-9", 2),
                                          Fixture.score("e", "2026-09-20", "GAD-7", 4), Fixture.score("e", "2026-10-18", "GAD-7", 3),
                                      ])
        let metrics = try #require(Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october)).overall).metrics
        #expect(metrics["outcomes.combined.recovery_rate"] == .proportion(value: nil, num: 0, den: 0))
        #expect(metrics["outcomes.combined.reliable_improvement_rate"] == .rate(0, 1))
    }

    @Test("each episode's PHQ-9 pair is combined with its own GAD-7 pair, among episodes with one or the other")
    func pairsMatchedByEpisode() throws {
        // Given, in identifier order: a (PHQ-9 16 -> 4, GAD-7 9 -> 3), b (PHQ-9 15 -> 8 only), c (GAD-7 12 -> 2
        // only), d (PHQ-9 8 -> 14, GAD-7 5 -> 5), e (PHQ-9 12 -> 10 and a single GAD-7 score)
        let days = ("2026-09-20", "2026-10-18")
        let episodes = ["a", "b", "c", "d", "e"].map { Fixture.episode($0, admitted: days.0, discharged: days.1) }
        let scores: [(String, String, Int, Int?)] = [
            ("a", "PHQ-9", 16, 4), ("a", "GAD-7", 9, 3), ("b", "PHQ-9", 15, 8), ("c", "GAD-7", 12, 2),
            ("d", "PHQ-9", 8, 14), ("d", "GAD-7", 5, 5), ("e", "PHQ-9", 12, 10), ("e", "GAD-7", 9, nil),
        ]
        let assessments = scores.flatMap { episode, instrument, first, last in
            [Fixture.score(episode, days.0, instrument, first)]
                + (last.map { [Fixture.score(episode, days.1, instrument, $0)] } ?? [])
        }
        let dataset = AnalysisDataset(episodes: episodes, assessments: assessments)
        // When
        let cohort = try #require(Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october)).overall)
        let combined = try #require(cohort.combined)
        // Then a and d are combined, each with its own scores; e has both scores but no GAD-7 pair
        #expect(combined.pairs == 2)
        #expect(combined.episodes.map(\.depression.episodeID) == ["a", "d"])
        #expect(combined.episodes.map(\.anxiety.episodeID) == ["a", "d"])
        #expect(combined.episodes.map(\.anxiety.baseline.score) == [Score(9), Score(5)])
        #expect(combined.unpairedEpisodeIDs == ["e"])
        // a: reliably improved on both (16 -> 4, 9 -> 3) and recovered; d: PHQ-9 reliably worse (8 -> 14)
        #expect(combined.reliablyImproved == 1 && combined.reliablyDeteriorated == 1 && combined.recovered == 1)
        #expect(combined.episodesWithBothScores == 3)
    }
}
