import OutcomesCore

/// Goals stored as 12-byte records in chunks (`ChunkedRecords`): no episode identifier per goal
/// (a goal's episode is its owner in the dataset) nor goal identifier (`GoalRating`), domains
/// interned, and no spare capacity from doubling (six growing arrays held 36 MB for 600,000
/// goals, 24 MB as 40-byte records with the goal identifier, 16 MB as 24-byte records with a
/// 64-bit weight and 32-bit domain and day). A goal whose weight a 32-bit float does not hold
/// exactly, whose domain is numbered beyond 16 bits or whose rating day is not within 65,533 days
/// of 1970-01-01 is kept aside whole, by row.
public struct GoalColumns: Sendable {
    struct Record: Sendable {
        /// The weight, exactly, unless the goal is kept aside.
        var weight: Float
        /// Number in `domains`; `notRecorded` when not recorded (or kept aside).
        var domain: UInt16
        /// Days since 1970-01-01; `notRated` while not rated, `keptAside` when the goal is kept aside.
        var ratedOn: UInt16
        /// GAS level, -2 to +2 (the store's checks hold it there).
        var baseline: Int8
        /// `Int8.min` while not rated.
        var attained: Int8

        static let notRecorded = UInt16.max
        static let notRated = UInt16.max - 1
        static let keptAside = UInt16.max
    }

    /// A goal's weight, domain number and rating day, whatever their size (nil: not recorded, not rated).
    private struct Wide: Sendable {
        var weight: Double
        var domain: Int?
        var ratedOn: Int?
    }

    private var records = ChunkedRecords<Record>()
    /// The weight, domain and rating day of goals whose record cannot hold them, by row.
    private var goalsKeptAside: [Int: Wide] = [:]
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
        let wide = Wide(weight: weight, domain: domain.map { domains.number(of: $0) }, ratedOn: day?.ordinal)
        var record = Record(weight: 0, domain: Record.notRecorded, ratedOn: Record.notRated,
                            baseline: Int8(clamping: baselineLevel),
                            attained: attainedLevel.map { Int8(clamping: $0) } ?? .min)
        if let narrow = Self.narrow(wide) {
            (record.weight, record.domain, record.ratedOn) = narrow
        } else {
            record.ratedOn = Record.keptAside
            goalsKeptAside[records.count] = wide
        }
        records.append(record)
    }

    /// `wide`'s weight, domain and rating day as a record holds them; nil when one does not fit.
    private static func narrow(_ wide: Wide) -> (weight: Float, domain: UInt16, ratedOn: UInt16)? {
        guard let weight = Float(exactly: wide.weight) else { return nil }
        var domain = Record.notRecorded
        if let number = wide.domain {
            guard number < Int(Record.notRecorded) else { return nil }
            domain = UInt16(number)
        }
        var ratedOn = Record.notRated
        if let day = wide.ratedOn {
            guard (0..<Int(Record.notRated)).contains(day) else { return nil }
            ratedOn = UInt16(day)
        }
        return (weight, domain, ratedOn)
    }

    /// The rating of the goal at `row`.
    public func rating(_ row: Int) -> GoalRating {
        let record = records[row]
        let wide = wide(record, row: row)
        return GoalRating(domain: wide.domain.map { domains[$0] }, weight: wide.weight,
                          baselineLevel: Int(record.baseline),
                          attainedLevel: record.attained == .min ? nil : Int(record.attained),
                          ratedOn: wide.ratedOn.map { Day(ordinal: $0) })
    }

    /// The weight, attained level (nil while not rated) and domain number (nil when not recorded)
    /// of the goal at `row`: what Goal Attainment Scaling reads, without making the domain's text.
    func scored(_ row: Int) -> (weight: Double, attainedLevel: Int?, domain: Int?) {
        let record = records[row]
        let wide = wide(record, row: row)
        return (wide.weight, record.attained == .min ? nil : Int(record.attained), wide.domain)
    }

    /// How many distinct domains the goals name (numbered from 0).
    var domainCount: Int { domains.texts.count }

    /// The domain numbered `number`.
    func domain(_ number: Int) -> String { domains[number] }

    /// The weight, domain number and rating day of `record`, stored at `row`.
    private func wide(_ record: Record, row: Int) -> Wide {
        if record.ratedOn == Record.keptAside { return goalsKeptAside[row] ?? Wide(weight: 0) }
        return Wide(weight: Double(record.weight),
                    domain: record.domain == Record.notRecorded ? nil : Int(record.domain),
                    ratedOn: record.ratedOn == Record.notRated ? nil : Int(record.ratedOn))
    }
}
