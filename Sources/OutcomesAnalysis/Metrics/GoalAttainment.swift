import Foundation
import OutcomesCore

/// Goal Attainment Scaling (Kiresuk-Sherman) for episodes discharged in P with a rated goal.
public struct GoalAttainment: Sendable {
    /// Inter-goal correlation of the T formula unless a program's settings give another.
    public static let defaultRho = 0.3
    /// Attained levels, lowest first.
    public static let levels = [-2, -1, 0, 1, 2]

    /// T score of each episode with at least one rated goal.
    public var tScores: [EpisodeTScore] = []
    /// Discharged episodes in P without any rated goal (counted, not scored).
    public var episodesWithoutRatedGoals: Int { unratedEpisodeIDs.count }
    /// Their identifiers, in cohort order.
    public var unratedEpisodeIDs: [String] = []
    /// Rated goals of the scored episodes, by attained level (-2 ... +2).
    public var levelDistribution: [Tally<Int>] = []
    /// Per domain (`unspecified` when blank), in alphabetical order.
    public var byDomain: [GoalDomainSummary] = []

    /// The rho this cohort's T scores use.
    public var rho = defaultRho

    /// T = 50 + 10 sum(w x) / sqrt((1 - rho) sum(w^2) + rho (sum w)^2) over rated goals (x = attained
    /// level, blank weight 1, weight 0 allowed; an episode whose rated goals all weigh 0 is scored
    /// with equal weights, SPEC section 5); nil without a rated goal.
    public static func tScore(goals: [GoalRating], rho: Double = defaultRho) -> Double? {
        var rated = goals.compactMap { goal in goal.attainedLevel.map { (goal.weight, Double($0)) } }
        guard !rated.isEmpty else { return nil }
        if rated.allSatisfy({ $0.0 == 0 }) { rated = rated.map { (1, $0.1) } }
        let weighted = rated.reduce(0) { $0 + $1.0 * $1.1 }
        let squares = rated.reduce(0) { $0 + $1.0 * $1.0 }
        let sum = rated.reduce(0) { $0 + $1.0 }
        let denominator = ((1 - rho) * squares + rho * sum * sum).squareRoot()
        guard denominator > 0 else { return nil }
        return 50 + 10 * weighted / denominator
    }

    public init(_ context: CohortContext) {
        rho = context.options.gasRho
        var levels = [Int: Int]()
        var domains = [String: [Int]]()
        let discharged = context.discharged(in: context.period)
        // Sized up front: grown by doubling, a 12-month cohort's scores held up to twice their size.
        tScores.reserveCapacity(discharged.count)
        for position in discharged {
            let goals = Array(context.dataset.goals(ofEpisodeAt: position))
            let episodeID = context.dataset.episodes.episodeID(at: position)
            guard let t = GoalAttainment.tScore(goals: goals, rho: rho) else { unratedEpisodeIDs.append(episodeID); continue }
            let rated = goals.compactMap(\.attainedLevel)
            tScores.append(EpisodeTScore(episodeID: episodeID, tScore: t, ratedGoals: rated.count,
                                         goalsAtOrAboveExpected: rated.filter { $0 >= 0 }.count))
            for goal in goals {
                guard let level = goal.attainedLevel else { continue }
                levels[level, default: 0] += 1
                domains[goal.domain.flatMap { $0.isEmpty ? nil : $0 } ?? "unspecified", default: []].append(level)
            }
        }
        levelDistribution = GoalAttainment.levels.map { Tally($0, levels[$0] ?? 0) }
        byDomain = domains.keys.sorted().map { GoalDomainSummary(domain: $0, levels: domains[$0] ?? []) }
    }

    public var ratedGoals: Int { levelDistribution.reduce(0) { $0 + $1.count } }
    public var goalsAtOrAboveExpected: Int { levelDistribution.filter { $0.category >= 0 }.reduce(0) { $0 + $1.count } }
    /// Episodes with T >= 50 (exactly 50 counts).
    public var episodesAtOrAbove50: Int { tScores.filter(\.isAtOrAbove50).count }

    public func write(to metrics: inout MetricSet) {
        metrics.set(MetricID.goalsTScoreMean, MeanEstimate(tScores.map(\.tScore)).metric)
        metrics.set(MetricID.goalsT50Rate, .rate(episodesAtOrAbove50, tScores.count))
        metrics.set(MetricID.goalsAtOrAboveExpectedRate, .rate(goalsAtOrAboveExpected, ratedGoals))
        metrics.set(MetricID.goalsRho, .statistic(value: rho, n: tScores.count))
    }
}

/// One episode's GAS T score and its rated goals.
public struct EpisodeTScore: Hashable, Sendable {
    public var episodeID: String
    public var tScore: Double
    public var ratedGoals = 0
    /// Rated goals at level 0 or above.
    public var goalsAtOrAboveExpected = 0

    /// T >= 50; a T of exactly 50 counts (a tolerance absorbs the formula's rounding).
    public var isAtOrAbove50: Bool { tScore >= 50 - 1e-9 }
}

/// Rated goals of one domain: how many, the mean level, how many at 0 or above, the level mix.
public struct GoalDomainSummary: Hashable, Sendable {
    public var domain: String
    public var goals: Int
    public var meanLevel: Double?
    public var atOrAboveExpected: Int
    public var levelDistribution: [Tally<Int>]

    init(domain: String, levels: [Int]) {
        self.domain = domain
        goals = levels.count
        meanLevel = Descriptive.mean(levels.map(Double.init))
        atOrAboveExpected = levels.filter { $0 >= 0 }.count
        levelDistribution = GoalAttainment.levels.map { level in Tally(level, levels.filter { $0 == level }.count) }
    }
}
