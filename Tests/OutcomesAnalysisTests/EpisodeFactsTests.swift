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
        // The overall cohort keeps the pair (equity and the watch list read it)
        #expect(overall?.pairs.map(\.episodeID) == ["e"] && overall?.scoredEpisodeIDs == ["e"])
        // adult-mh's cohort keeps 1 pair of 1 scored episode, and 14 - 6 = 8 points of mean change, as counts
        #expect(program?.pairs.isEmpty == true && program?.scoredEpisodeIDs.isEmpty == true)
        #expect(program?.pairCount == 1 && program?.episodesWithScores == 1 && program?.noPair == 0)
        #expect(program?.change.mean == -8)
    }
}
