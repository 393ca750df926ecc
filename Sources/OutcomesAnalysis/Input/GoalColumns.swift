import OutcomesCore

/// Goals stored as columns, about 40 bytes a goal instead of a `Goal` value's 96: no episode
/// identifier per goal (a goal's episode is its owner in the dataset) and domains interned.
public struct GoalColumns: Sendable {
    private var goalIDs: [String] = []
    /// Index into `domainNames`; -1 when not recorded.
    private var domains: [Int32] = []
    private var domainNames: [String] = []
    private var domainIndex: [String: Int32] = [:]
    private var weights: [Double] = []
    /// GAS levels, -2 to +2 (the store's checks hold them there).
    private var baselines: [Int8] = []
    /// `Int8.min` while not rated.
    private var attained: [Int8] = []
    /// `Day.ordinal`; `Int32.min` while not rated.
    private var ratedOn: [Int32] = []

    public init() {}

    public var count: Int { goalIDs.count }

    /// Appends `goal` (its episode identifier is its owner's, so it is not kept).
    mutating func append(_ goal: Goal) {
        append(goalID: goal.goalID, domain: goal.domain, weight: goal.weight, baselineLevel: goal.baselineLevel,
               attainedLevel: goal.attainedLevel, ratedOn: goal.ratedOn)
    }

    /// Appends a goal read by episode number.
    mutating func append(_ facts: GoalFacts) {
        append(goalID: facts.goalID, domain: facts.domain, weight: facts.weight, baselineLevel: facts.baselineLevel,
               attainedLevel: facts.attainedLevel, ratedOn: facts.ratedOn)
    }

    private mutating func append(goalID: String, domain: String?, weight: Double, baselineLevel: Int,
                                 attainedLevel: Int?, ratedOn day: Day?) {
        goalIDs.append(goalID)
        domains.append(domain.map { intern($0) } ?? -1)
        weights.append(weight)
        baselines.append(Int8(clamping: baselineLevel))
        attained.append(attainedLevel.map { Int8(clamping: $0) } ?? .min)
        ratedOn.append(day.map { Int32(truncatingIfNeeded: $0.ordinal) } ?? .min)
    }

    private mutating func intern(_ domain: String) -> Int32 {
        if let index = domainIndex[domain] { return index }
        let index = Int32(domainNames.count)
        domainNames.append(domain)
        domainIndex[domain] = index
        return index
    }

    /// The goal at `row`, as a value of the episode identified by `episodeID`.
    public func goal(_ row: Int, episodeID: String) -> Goal {
        Goal(episodeID: episodeID, goalID: goalIDs[row], domain: domains[row] < 0 ? nil : domainNames[Int(domains[row])],
             weight: weights[row], baselineLevel: Int(baselines[row]),
             attainedLevel: attained[row] == .min ? nil : Int(attained[row]),
             ratedOn: ratedOn[row] == .min ? nil : Day(ordinal: Int(ratedOn[row])))
    }
}
