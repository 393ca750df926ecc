import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("What a cohort result keeps of its episodes")
struct EpisodeFactsTests {
    /// One adult-mh episode discharged in October with PHQ-9 14 at intake and 6 at discharge.
    let dataset = AnalysisDataset(
        episodes: [Fixture.episode("e", admitted: "2026-09-01", discharged: "2026-10-20")],
        assessments: [Fixture.score("e", "2026-09-01", 14, .intake), Fixture.score("e", "2026-10-20", 6, .discharge)])

    func trajectoryPoints(keepingFacts: Bool, keepingOverallTrajectories: Bool) -> (overall: [Int], program: [Int]) {
        var options = AnalysisOptions(period: Fixture.october)
        options.keepsEpisodeFacts = keepingFacts
        options.keepsOverallTrajectories = keepingOverallTrajectories
        let result = Analysis.analyze(dataset, options: options, by: [.program])
        let points = { (cohort: CohortResult?) in
            cohort?.outcome("PHQ-9")?.trajectories.map(\.points.count) ?? []
        }
        return (points(result.overall), points(result.cohorts.first { !$0.key.isOverall }))
    }

    @Test("with every episode's facts, every cohort keeps its trajectories")
    func factsKeepEveryTrajectory() {
        // The episode's one trajectory has its 2 scores, in the overall cohort and in adult-mh's
        let kept = trajectoryPoints(keepingFacts: true, keepingOverallTrajectories: false)
        #expect(kept.overall == [2] && kept.program == [2])
    }

    @Test("without episode facts only the overall cohort keeps trajectories, and only when asked")
    func onlyTheOverallCohortKeepsTrajectories() {
        let report = trajectoryPoints(keepingFacts: false, keepingOverallTrajectories: true)
        #expect(report.overall == [2] && report.program == [])
        let figures = trajectoryPoints(keepingFacts: false, keepingOverallTrajectories: false)
        #expect(figures.overall == [] && figures.program == [])
        // The pair (14 -> 6) stays counted either way
        var options = AnalysisOptions(period: Fixture.october)
        options.keepsEpisodeFacts = false
        options.keepsOverallTrajectories = false
        #expect(Analysis.analyze(dataset, options: options).overall?.outcome("PHQ-9")?.pairs.count == 1)
    }

    @Test("without episode facts another cohort keeps its outcomes' counts, not their pairs and ids")
    func otherCohortsKeepCountsOnly() {
        var options = AnalysisOptions(period: Fixture.october)
        options.keepsEpisodeFacts = false
        let result = Analysis.analyze(dataset, options: options, by: [.program])
        let overall = result.overall?.outcome("PHQ-9")
        let program = result.cohorts.first { !$0.key.isOverall }?.outcome("PHQ-9")
        // The overall cohort keeps the pair (equity reads it), not the ids of the scored episodes
        #expect(overall?.pairs.map(\.episodeID) == ["e"] && overall?.scoredEpisodeIDs.isEmpty == true)
        #expect(overall?.episodesWithScores == 1)
        // adult-mh's cohort keeps 1 pair of 1 scored episode, and 14 - 6 = 8 points of mean change, as counts
        #expect(program?.pairs.isEmpty == true && program?.scoredEpisodeIDs.isEmpty == true)
        #expect(program?.pairCount == 1 && program?.episodesWithScores == 1 && program?.noPair == 0)
        #expect(program?.change.mean == -8)
    }

    @Test("without episode facts no family collects them, and the counts stay")
    func censusAndWeeksCollectCountsOnly() {
        for keeping in [true, false] {
            var options = AnalysisOptions(period: Fixture.october)
            options.keepsEpisodeFacts = keeping
            let overall = Analysis.analyze(dataset, options: options).overall
            // e (admitted 09-01, discharged 10-20) is one discharge in October and no admission
            #expect(overall?.census.discharges == 1 && overall?.census.admissions == 0)
            #expect(overall?.census.episodes.count == (keeping ? 1 : 0))
            // Weeks k of 09-01 + 7k ... + 6 ending in October: k = 4, 5, 6 complete (to 10-05,
            // 10-12, 10-19); k = 7 (to 10-26) is cut short by the discharge on 10-20
            #expect(overall?.episodeWeeks.completeWeeks == 3 && overall?.episodeWeeks.partialWeeksExcluded == 1)
            #expect(overall?.episodeWeeks.episodes.count == (keeping ? 1 : 0))
            // e is open in October, admitted in the 12 months ending with it and discharged in it:
            // one fact each in attendance, discharge outcomes, retention, fidelity and step-up, or none
            let facts = [overall?.attendance.episodes.count, overall?.dischargeOutcomes.episodes.count,
                         overall?.retention.episodes.count, overall?.fidelity.episodes.count,
                         overall?.stepUp.episodes.count]
            #expect(facts == Array(repeating: keeping ? 1 : 0, count: 5))
            #expect(overall?.retention.curve.n == 1 && overall?.fidelity.discharges == 1)
        }
    }

    @Test("the combined outcome without its episodes, or its outcomes' ids, keeps the same counts")
    func combinedCountsWithoutEpisodes() throws {
        // e: PHQ-9 14 -> 6 and GAD-7 12 -> 4; f: PHQ-9 15 -> 15 and GAD-7 only at intake; g: PHQ-9 only
        let both = AnalysisDataset(
            episodes: [Fixture.episode("e", admitted: "2026-09-01", discharged: "2026-10-20"),
                       Fixture.episode("f", admitted: "2026-09-01", discharged: "2026-10-20"),
                       Fixture.episode("g", admitted: "2026-09-01", discharged: "2026-10-20")],
            assessments: [Fixture.score("e", "2026-09-01", "PHQ-9", 14, .intake),
                          Fixture.score("e", "2026-10-20", "PHQ-9", 6, .discharge),
                          Fixture.score("e", "2026-09-01", "GAD-7", 12, .intake),
                          Fixture.score("e", "2026-10-20", "GAD-7", 4, .discharge),
                          Fixture.score("f", "2026-09-01", "PHQ-9", 15, .intake),
                          Fixture.score("f", "2026-10-20", "PHQ-9", 15, .discharge),
                          Fixture.score("f", "2026-09-01", "GAD-7", 10, .intake),
                          Fixture.score("g", "2026-09-02", "PHQ-9", 12, .intake)])
        let outcomes = ScoreSeries(both, positions: [0, 1, 2])
        let find = { (code: String, ids: Bool) in
            SymptomOutcome(instrument: try #require(both.registry[code]), series: outcomes, method: .published,
                           keepingEpisodeIDs: ids)
        }
        let kept = try #require(CombinedOutcome(depression: try find("PHQ-9", true), anxiety: try find("GAD-7", true)))
        let withoutIDs = (depression: try find("PHQ-9", false), anxiety: try find("GAD-7", false))
        let counted = try #require(CombinedOutcome(depression: withoutIDs.depression, anxiety: withoutIDs.anxiety,
                                                   keepingEpisodes: false))
        // Without ids the outcomes still count e, f and g on PHQ-9 and e and f on GAD-7
        #expect(withoutIDs.depression.scoredEpisodeIDs.isEmpty && withoutIDs.depression.episodesWithScores == 3)
        #expect(withoutIDs.anxiety.episodesWithScores == 2 && withoutIDs.depression.unpairedEpisodeIDs.isEmpty)
        // e and f have both scores (g has no GAD-7); only e has both pairs, and f is the one without
        #expect(kept.episodes.map(\.episodeID) == ["e"] && kept.unpairedEpisodeIDs == ["f"])
        #expect(counted.episodes.isEmpty && counted.unpairedEpisodeIDs.isEmpty)
        // e is a case at baseline (PHQ-9 14 >= 10) and below both cutoffs at discharge (6 < 10, 4 < 8)
        for combined in [kept, counted] {
            #expect(combined.pairs == 1 && combined.episodesWithBothScores == 2)
            #expect(combined.casesAtBaseline == 1 && combined.recovered == 1)
        }
        #expect(counted.reliablyImproved == kept.reliablyImproved && counted.reliablyRecovered == kept.reliablyRecovered)
    }
}
