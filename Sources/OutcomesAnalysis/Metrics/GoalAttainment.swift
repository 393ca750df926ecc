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
        tScore(rated: goals.compactMap { goal in goal.attainedLevel.map { RatedGoal(weight: goal.weight, level: $0) } },
               rho: rho)
    }

    /// A rated goal's weight and attained level, and the slot of its domain (`init`'s tallies).
    struct RatedGoal {
        var weight: Double
        var level: Int
        var domainSlot = 0
    }

    /// `tScore(goals:rho:)` of an episode's rated goals.
    static func tScore(rated: [RatedGoal], rho: Double) -> Double? {
        guard !rated.isEmpty else { return nil }
        let equalWeights = rated.allSatisfy { $0.weight == 0 }
        func weight(_ goal: RatedGoal) -> Double { equalWeights ? 1 : goal.weight }
        let weighted = rated.reduce(0) { $0 + weight($1) * Double($1.level) }
        let squares = rated.reduce(0) { $0 + weight($1) * weight($1) }
        let sum = rated.reduce(0) { $0 + weight($1) }
        let denominator = ((1 - rho) * squares + rho * sum * sum).squareRoot()
        guard denominator > 0 else { return nil }
        return 50 + 10 * weighted / denominator
    }

    /// Scores the goals of the episodes discharged in P. Goals are read as numbers and tallied by
    /// domain number, the domains named once at the end: made a `GoalRating` each, with its
    /// domain's text hashed into a `[String: [Int]]`, they took 115 M instructions instead of 50 M
    /// (callgrind, `report qi-review` of a 20,000-episode network).
    public init(_ context: CohortContext) {
        rho = context.options.gasRho
        let dataset = context.dataset
        let goals = dataset.goalColumns
        let levels = GoalAttainment.levels
        var levelCounts = [Int](repeating: 0, count: levels.count)
        // Slot 0: no domain recorded; slot n + 1: domain number n.
        var domainLevels = [[Int]](repeating: [], count: goals.domainCount + 1)
        var rated: [RatedGoal] = []
        let discharged = context.discharged(in: context.period)
        // Sized up front: grown by doubling, a 12-month cohort's scores held up to twice their size.
        tScores.reserveCapacity(discharged.count)
        for position in discharged {
            rated.removeAll(keepingCapacity: true)
            for row in dataset.goalRows(ofEpisodeAt: position) {
                let goal = goals.scored(Int(row))
                guard let level = goal.attainedLevel else { continue }
                rated.append(RatedGoal(weight: goal.weight, level: level, domainSlot: goal.domain.map { $0 + 1 } ?? 0))
            }
            let episodeID = dataset.episodes.episodeID(at: position)
            guard let t = GoalAttainment.tScore(rated: rated, rho: rho) else {
                unratedEpisodeIDs.append(episodeID)
                continue
            }
            tScores.append(EpisodeTScore(episodeID: episodeID, tScore: t, ratedGoals: rated.count,
                                         goalsAtOrAboveExpected: rated.filter { $0.level >= 0 }.count))
            for goal in rated {
                if let slot = levels.firstIndex(of: goal.level) { levelCounts[slot] += 1 }
                domainLevels[goal.domainSlot].append(goal.level)
            }
        }
        levelDistribution = zip(levels, levelCounts).map { Tally($0, $1) }
        var domains = [String: [Int]]()
        for (slot, slotLevels) in domainLevels.enumerated() where !slotLevels.isEmpty {
            let name = slot == 0 ? "" : goals.domain(slot - 1)
            domains[name.isEmpty ? "unspecified" : name, default: []] += slotLevels
        }
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
