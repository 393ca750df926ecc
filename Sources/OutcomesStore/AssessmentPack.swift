import OutcomesCore

/// Assessment totals packed per episode (`assessment_pack`), in the table's own order (natural
/// key). Each assessment: day (difference from the previous, either sign), instrument number,
/// score units (either sign) and decimals, and timepoint code; no item responses.
enum AssessmentPack: EpisodePack {
    static let table = "assessment"
    static let packTable = "assessment_pack"
    static let columns = "assessed_day, instrument_no, score, score_decimals, timepoint"
    static let order = "natural_key"
    static let version: UInt8 = 1

    static func append(_ row: PackedRow, to pack: inout PackWriter, previousDay: inout Int64)
        throws(UndecodableColumn) {
        pack.append(day: Int64(try row.requiredInt(2)), after: &previousDay)
        pack.append(try row.count(3))
        let score = try row.requiredScore(4, decimals: 5)
        pack.append(signed: score.units)
        pack.append(UInt64(score.decimals))
        pack.append(optional: try row.optionalCodeNumber(6, StoredCodes.timepoint))
    }

    static func decodeColumns(_ pack: inout PackReader, previousDay: inout Int64, into row: inout [SQLValue])
        throws(MalformedPack) {
        row.append(.integer(Int64(try pack.nextDay(after: &previousDay).ordinal)))
        row.append(.integer(Int64(try pack.nextInt())))
        row.append(.integer(try pack.nextSigned()))
        row.append(.integer(Int64(try pack.nextInt())))
        row.append(SQLValue(try pack.nextOptional()))
    }

    /// Decodes the assessments of `episode` from its pack, in pack order.
    static func decode(_ pack: inout PackReader, episode: Int64, _ body: (AssessmentFacts) throws -> Void) throws {
        var previousDay: Int64 = 0
        while !pack.isAtEnd {
            let day = try pack.nextDay(after: &previousDay)
            let instrument = Int64(try pack.nextInt())
            let units = try pack.nextSigned()
            guard let score = Score(units: units, decimals: try pack.nextInt()) else { throw MalformedPack() }
            try body(AssessmentFacts(episodeNumber: episode, assessedOn: day, instrumentNumber: instrument, score: score,
                                     timepoint: try pack.nextOptionalCode(StoredCodes.timepoint)))
        }
    }
}
