import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Goal attainment")
struct GoalAttainmentTests {
    // T = 50 + 10 sum(w x) / sqrt(0.7 sum(w^2) + 0.3 (sum w)^2)
    //   weights 1, 1, levels 0, +1:  10 x 1 / sqrt(0.7 x 2 + 0.3 x 4) = 10 / sqrt(2.6)  -> 56.2017
    //   weights 2, 1, levels +1, -1: 10 x 1 / sqrt(0.7 x 5 + 0.3 x 9) = 10 / sqrt(6.2)  -> 54.0161
    //   weight 1, level 0:           50 exactly
    //   weight 1, level -2 and an unrated goal: 50 - 20 / sqrt(1) = 30 (the unrated goal is ignored)
    @Test("Kiresuk-Sherman T", arguments: [
        ([(1.0, 0), (1.0, 1)], 56.2017), ([(2.0, 1), (1.0, -1)], 54.0161), ([(1.0, 0)], 50.0),
        ([(1.0, -2), (1.0, nil)], 30.0),
    ] as [([(Double, Int?)], Double)])
    func tScore(goals: [(Double, Int?)], expected: Double) throws {
        let built = goals.map { GoalRating(weight: $0.0, attainedLevel: $0.1) }
        let t = try #require(GoalAttainment.tScore(goals: built))
        #expect(abs(t - expected) < 0.0001)
    }

    @Test func unratedGoalsOnlyGiveNoScore() {
        #expect(GoalAttainment.tScore(goals: [GoalRating()]) == nil)
    }

    @Test("cohort: T >= 50 share, goals at 0 or above, levels and domains")
    func cohort() {
        // Given discharges in October:
        //   a: levels 0 (coping), +1 (work)  -> T 56.20
        //   b: level -1 (coping)             -> T 40
        //   c: level 0 (blank domain)        -> T 50 (counts as >= 50)
        //   d: goal not rated                -> no T, counted apart
        // Then T >= 50: 2/3; mean T (56.2017 + 40 + 50) / 3 = 48.7339; goals >= 0: 3/4
        let dataset = AnalysisDataset(episodes: ["a", "b", "c", "d"].map {
            Fixture.episode($0, admitted: "2026-09-01", discharged: "2026-10-15")
        }, goals: [
            Goal(episodeID: "a", goalID: "1", domain: "coping", attainedLevel: 0),
            Goal(episodeID: "a", goalID: "2", domain: "work", attainedLevel: 1),
            Goal(episodeID: "b", goalID: "1", domain: "coping", attainedLevel: -1),
            Goal(episodeID: "c", goalID: "1", attainedLevel: 0),
            Goal(episodeID: "d", goalID: "1", domain: "coping"),
        ])
        let goals = GoalAttainment(Fixture.context(dataset))
        var metrics = MetricSet()
        goals.write(to: &metrics)
        #expect(metrics[MetricID.goalsT50Rate] == .rate(2, 3))
        #expect(abs((metrics[MetricID.goalsTScoreMean]?.value ?? 0) - 48.7339) < 0.0001)
        #expect(metrics[MetricID.goalsAtOrAboveExpectedRate] == .rate(3, 4))
        #expect(goals.episodesWithoutRatedGoals == 1)
        #expect(goals.levelDistribution.map(\.count) == [0, 1, 2, 1, 0])
        #expect(goals.byDomain.map(\.domain) == ["coping", "unspecified", "work"])
        #expect(goals.byDomain[0].goals == 2)
        #expect(goals.byDomain[0].atOrAboveExpected == 1)
    }

    @Test("goals without a domain, with a blank one and in one named unspecified are one domain")
    func unspecifiedDomains() {
        // Given discharges rated: a -1 (no domain) and +2 (work), b 0 ("") and +1 ("unspecified")
        let dataset = AnalysisDataset(episodes: ["a", "b"].map {
            Fixture.episode($0, admitted: "2026-09-01", discharged: "2026-10-15")
        }, goals: [
            Goal(episodeID: "a", goalID: "1", attainedLevel: -1),
            Goal(episodeID: "a", goalID: "2", domain: "work", attainedLevel: 2),
            Goal(episodeID: "b", goalID: "1", domain: "", attainedLevel: 0),
            Goal(episodeID: "b", goalID: "2", domain: "unspecified", attainedLevel: 1),
        ])
        let goals = GoalAttainment(Fixture.context(dataset))
        // Then "unspecified" holds -1, 0 and +1: 3 goals, mean 0, 2 at or above 0; "work" holds +2
        #expect(goals.byDomain.map(\.domain) == ["unspecified", "work"])
        #expect(goals.byDomain[0].goals == 3 && goals.byDomain[0].meanLevel == 0)
        #expect(goals.byDomain[0].atOrAboveExpected == 2)
        #expect(goals.byDomain[0].levelDistribution.map(\.count) == [0, 1, 1, 1, 0])
        #expect(goals.byDomain[1].goals == 1 && goals.byDomain[1].meanLevel == 2)
    }

    @Test("full precision: the mean GAS T is printed to at least 12 significant digits in JSON and CSV")
    func fullPrecisionTScore() throws {
        // Given one discharge with goals at levels 0 and +1, weights 1 and 1:
        //   T = 50 + 10 / sqrt(0.7 x 2 + 0.3 x 4) = 50 + 10 / sqrt(2.6) = 56.201736729460423...
        let dataset = AnalysisDataset(episodes: [Fixture.episode("a", admitted: "2026-09-01", discharged: "2026-10-15")],
                                      goals: [Goal(episodeID: "a", goalID: "1", attainedLevel: 0),
                                              Goal(episodeID: "a", goalID: "2", attainedLevel: 1)])
        let result = Analysis.analyze(dataset, options: AnalysisOptions(period: Fixture.october))
        let expected = 50 + 10 / 2.6.squareRoot()

        // When it is encoded for machines, then the printed T reads back as the same Double
        let json = AnalysisJSON.encode(result)
        let jsonLine = try #require(json.split(separator: "\n").first { $0.contains("\"goals.t_score_mean\"") })
        #expect(jsonLine.contains("\"value\": \(expected), "))
        let csvRow = try #require(AnalysisCSV.encode(result).split(separator: "\r\n").first { $0.hasPrefix("goals.t_score_mean,") })
        let printed = try #require(csvRow.split(separator: ",", omittingEmptySubsequences: false).dropFirst().first)
        #expect(Double(printed) == expected)
        #expect(printed.filter(\.isNumber).count >= 12)
        #expect(printed.hasPrefix("56.20173672946"))
        // and the table rounds for people: 56.2
        #expect(AnalysisTable.render(result).contains("56.2  "))
    }

    @Test("weights: 0 allowed; all-zero weights scored as equal weights; rho from the settings")
    func weightsAndRho() throws {
        // levels +1 and -1 with weights 2 and 0: 10 x 2 / sqrt(0.7 x 4 + 0.3 x 4) = 20 / 2 = 10 -> 60
        let zeroOne = [GoalRating(weight: 2, attainedLevel: 1),
                       GoalRating(weight: 0, attainedLevel: -1)]
        #expect(GoalAttainment.tScore(goals: zeroOne) == 60)
        // both weights 0: scored as 1 and 1: levels +1, +1: 10 x 2 / sqrt(0.7 x 2 + 0.3 x 4) = 20 / sqrt(2.6)
        let allZero = [GoalRating(weight: 0, attainedLevel: 1),
                       GoalRating(weight: 0, attainedLevel: 1)]
        let t = try #require(GoalAttainment.tScore(goals: allZero))
        #expect(abs(t - (50 + 20 / 2.6.squareRoot())) < 1e-12)
        // rho 0: 10 x 2 / sqrt(2) = 14.142... -> 64.142...
        let rhoZero = try #require(GoalAttainment.tScore(goals: allZero, rho: 0))
        #expect(abs(rhoZero - (50 + 20 / 2.0.squareRoot())) < 1e-12)
    }

    @Test("a program's settings reach the analysis: rho, dose minimums with fallback, substance-use programs")
    func settingsReachTheAnalysis() throws {
        let settings = ProgramSettings(dose: .init(adultHours: 10), doseByProgram: ["teen": .init(adolescentHours: 4)],
                                       substanceUsePrograms: ["addiction"], gasRho: 0)
        let options = AnalysisOptions(period: Fixture.october, reliableChange: .published, settings: settings)
        #expect(options.gasRho == 0 && options.substanceUsePrograms == ["addiction"])
        #expect(options.doseMinimum == DoseMinimum(adultHours: 10, adolescentHours: 6))
        #expect(options.doseMinimumByProgram["teen"] == DoseMinimum(adultHours: 10, adolescentHours: 4))
        // and GAS T of a discharge with two goals at +1, weights 1: rho 0 gives 50 + 20 / sqrt(2)
        let dataset = AnalysisDataset(episodes: [Fixture.episode("a", admitted: "2026-09-01", discharged: "2026-10-15")],
                                      goals: [Goal(episodeID: "a", goalID: "1", attainedLevel: 1),
                                              Goal(episodeID: "a", goalID: "2", attainedLevel: 1)])
        let metrics = try #require(Analysis.analyze(dataset, options: options).overall).metrics
        #expect(metrics[MetricID.goalsRho] == .statistic(value: 0, n: 1))
        #expect(abs((metrics[MetricID.goalsTScoreMean]?.value ?? 0) - (50 + 20 / 2.0.squareRoot())) < 1e-12)
    }
}
