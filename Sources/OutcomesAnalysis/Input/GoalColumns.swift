import OutcomesCore

/// Goals stored as 40-byte records in chunks (`ChunkedRecords`): no episode identifier per goal
/// (a goal's episode is its owner in the dataset), domains interned, and no spare capacity from
/// doubling (six growing arrays held 36 MB for 600,000 goals, 24 MB as records).
public struct GoalColumns: Sendable {
    struct Record: Sendable {
        var goalID: String
        var weight: Double
        /// Number in `domains`; -1 when not recorded.
        var domain: Int32
        /// `Day.ordinal`; `Int32.min` while not rated.
        var ratedOn: Int32
        /// GAS level, -2 to +2 (the store's checks hold it there).
        var baseline: Int8
        /// `Int8.min` while not rated.
        var attained: Int8
    }

    private var records = ChunkedRecords<Record>()
    private var domains = TextNumbering()

    public init() {}

    public var count: Int { records.count }

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
        records.append(Record(goalID: goalID, weight: weight, domain: domain.map { Int32(domains.number(of: $0)) } ?? -1,
                              ratedOn: day.map { Int32(truncatingIfNeeded: $0.ordinal) } ?? .min,
                              baseline: Int8(clamping: baselineLevel),
                              attained: attainedLevel.map { Int8(clamping: $0) } ?? .min))
    }

    /// The goal at `row`, as a value of the episode identified by `episodeID`.
    public func goal(_ row: Int, episodeID: String) -> Goal {
        let record = records[row]
        return Goal(episodeID: episodeID, goalID: record.goalID,
                    domain: record.domain < 0 ? nil : domains[Int(record.domain)], weight: record.weight,
                    baselineLevel: Int(record.baseline), attainedLevel: record.attained == .min ? nil : Int(record.attained),
                    ratedOn: record.ratedOn == .min ? nil : Day(ordinal: Int(record.ratedOn)))
    }
}
