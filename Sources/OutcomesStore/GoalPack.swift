import OutcomesCore

/// Goals packed per episode (`goal_pack`), in goal id order, the order `forEachGoalFacts` gives
/// (the rows' own order is the natural key's, which is not the goal id's: reading rows meant a
/// sort). Each goal: goal id, domain, weight, baseline level, attained level and rating day.
enum GoalPack: EpisodePack {
    static let table = "goal"
    static let packTable = "goal_pack"
    static let columns = "goal_id, domain, weight, baseline_level, attained_level, rated_day"
    static let order = "goal_id, natural_key"
    static let version: UInt8 = 1

    static func append(_ row: PackedRow, to pack: inout PackWriter, previousDay: inout Int64)
        throws(UndecodableColumn) {
        pack.append(text: row.string(2))
        pack.append(optionalText: row.text(3))
        pack.append(double: try row.requiredDouble(4))
        pack.append(signed: Int64(try row.requiredInt(5)))
        pack.append(optionalSigned: try row.optionalInt(6, within: -2...2).map(Int64.init))
        pack.append(optionalSigned: try row.optionalInt(7, within: Migrations.dayRange).map(Int64.init))
    }

    static func decodeColumns(_ pack: inout PackReader, previousDay: inout Int64, into row: inout [SQLValue])
        throws(MalformedPack) {
        row.append(.text(try pack.nextText()))
        row.append(SQLValue(try pack.nextOptionalText()))
        row.append(.real(try pack.nextDouble()))
        row.append(.integer(try pack.nextSigned()))
        row.append(SQLValue(try pack.nextOptionalSigned()))
        row.append(SQLValue(try pack.nextOptionalSigned()))
    }

    /// Decodes the goals of `episode` from its pack, in pack order.
    static func decode(_ pack: inout PackReader, episode: Int64, _ body: (GoalFacts) throws -> Void) throws {
        while !pack.isAtEnd {
            let goalID = try pack.nextText()
            let domain = try pack.nextOptionalText()
            let weight = try pack.nextDouble()
            let baseline = Int(try pack.nextSigned())
            let attained = try pack.nextOptionalSigned().map { Int($0) }
            let rated = try pack.nextOptionalSigned().map { Day(ordinal: Int($0)) }
            try body(GoalFacts(episodeNumber: episode, goalID: goalID, domain: domain, weight: weight,
                               baselineLevel: baseline, attainedLevel: attained, ratedOn: rated))
        }
    }
}
