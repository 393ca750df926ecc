import OutcomesCore

/// Sessions packed per episode (`session_pack`), in the table's own order (day, natural key).
/// Each session: day (difference from the previous), type, modality, status, scheduled and
/// attended minutes and staff number, as stored (codes as their `StoredCodes` numbers).
enum SessionPack: EpisodePack {
    static let table = "session"
    static let packTable = "session_pack"
    static let columns = """
        session_day, session_type, modality, status, scheduled_minutes, attended_minutes, staff_no
        """
    static let order = "session_day, natural_key"
    static let version: UInt8 = 1

    static func append(_ row: PackedRow, to pack: inout PackWriter, previousDay: inout Int64)
        throws(UndecodableColumn) {
        pack.append(day: Int64(try row.requiredInt(2)), after: &previousDay)
        pack.append(try row.codeNumber(3, StoredCodes.sessionType))
        pack.append(optional: try row.optionalCodeNumber(4, StoredCodes.modality))
        pack.append(try row.codeNumber(5, StoredCodes.sessionStatus))
        pack.append(try row.count(6))
        pack.append(optional: try row.optionalCount(7))
        pack.append(optional: try row.optionalCount(8))
    }

    static func decodeColumns(_ pack: inout PackReader, previousDay: inout Int64, into row: inout [SQLValue])
        throws(MalformedPack) {
        row.append(.integer(Int64(try pack.nextDay(after: &previousDay).ordinal)))
        row.append(.integer(Int64(try pack.nextInt())))
        row.append(SQLValue(try pack.nextOptional()))
        row.append(.integer(Int64(try pack.nextInt())))
        row.append(.integer(Int64(try pack.nextInt())))
        row.append(SQLValue(try pack.nextOptional()))
        row.append(SQLValue(try pack.nextOptional()))
    }

    /// Decodes the sessions of `episode` from its pack, those dated up to `last`, in pack order.
    static func decode(_ pack: inout PackReader, episode: Int64, through last: Day,
                       _ body: (SessionFacts) throws -> Void) throws {
        var previousDay: Int64 = 0
        // The code lists read once an episode, not once a session (each read of a global is a call).
        let (types, modalities, statuses) = (StoredCodes.sessionType, StoredCodes.modality, StoredCodes.sessionStatus)
        while !pack.isAtEnd {
            let facts = SessionFacts(
                episodeNumber: episode, date: try pack.nextDay(after: &previousDay),
                type: try pack.nextCode(types), modality: try pack.nextOptionalCode(modalities),
                status: try pack.nextCode(statuses), scheduledMinutes: try pack.nextInt(),
                attendedMinutes: try pack.nextOptional().map { Int($0) }, staffNumber: try pack.nextOptional())
            // Sessions are packed in day order: none after this one is due.
            guard facts.date <= last else { return }
            try body(facts)
        }
    }
}
