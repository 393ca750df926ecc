import OutcomesCore

/// Goals stored as 24-byte records in chunks (`ChunkedRecords`): no episode identifier per goal
/// (a goal's episode is its owner in the dataset) nor goal identifier (`GoalRating`), domains
/// interned, and no spare capacity from doubling (six growing arrays held 36 MB for 600,000
/// goals, 24 MB as 40-byte records with the goal identifier).
public struct GoalColumns: Sendable {
    struct Record: Sendable {
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

    /// Appends `goal`'s rating (its episode identifier is its owner's, so it is not kept).
    mutating func append(_ goal: Goal) {
        append(domain: goal.domain, weight: goal.weight, baselineLevel: goal.baselineLevel,
               attainedLevel: goal.attainedLevel, ratedOn: goal.ratedOn)
    }

    /// Appends a goal read by episode number.
    mutating func append(_ facts: GoalFacts) {
        append(domain: facts.domain, weight: facts.weight, baselineLevel: facts.baselineLevel,
               attainedLevel: facts.attainedLevel, ratedOn: facts.ratedOn)
    }

    private mutating func append(domain: String?, weight: Double, baselineLevel: Int,
                                 attainedLevel: Int?, ratedOn day: Day?) {
        records.append(Record(weight: weight, domain: domain.map { Int32(domains.number(of: $0)) } ?? -1,
                              ratedOn: day.map { Int32(truncatingIfNeeded: $0.ordinal) } ?? .min,
                              baseline: Int8(clamping: baselineLevel),
                              attained: attainedLevel.map { Int8(clamping: $0) } ?? .min))
    }

    /// The rating of the goal at `row`.
    public func rating(_ row: Int) -> GoalRating {
        let record = records[row]
        return GoalRating(domain: record.domain < 0 ? nil : domains[Int(record.domain)], weight: record.weight,
                          baselineLevel: Int(record.baseline),
                          attainedLevel: record.attained == .min ? nil : Int(record.attained),
                          ratedOn: record.ratedOn == .min ? nil : Day(ordinal: Int(record.ratedOn)))
    }
}
