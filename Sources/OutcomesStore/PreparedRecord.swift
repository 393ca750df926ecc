import OutcomesCore

/// A record turned into its table's column values, ready for `FileLoad.store(_:)`. Preparing
/// (formatting dates, building natural keys) needs no database, so the loader does it on the
/// thread that reads the file.
public struct PreparedRecord: Sendable {
    let table: RecordTable
    let values: [SQLValue]
    /// The record's spreadsheet row in its file (header = 1), so that a refusal names it.
    let row: Int?

    /// - Parameter row: where the record sits in its file, for errors.
    public init(_ episode: Episode, row: Int? = nil) { self.init(.episode, episode.storedValues, row: row) }
    /// - Parameter row: where the record sits in its file, for errors.
    public init(_ session: Session, row: Int? = nil) { self.init(.session, session.storedValues, row: row) }
    /// - Parameter row: where the record sits in its file, for errors.
    public init(_ assessment: Assessment, row: Int? = nil) {
        self.init(.assessment, assessment.storedValues, row: row)
    }
    /// - Parameter row: where the record sits in its file, for errors.
    public init(_ goal: Goal, row: Int? = nil) { self.init(.goal, goal.storedValues, row: row) }
    /// - Parameter row: where the record sits in its file, for errors.
    public init(_ event: ClinicalEvent, row: Int? = nil) { self.init(.clinicalEvent, event.storedValues, row: row) }

    private init(_ table: RecordTable, _ values: [SQLValue], row: Int?) {
        self.table = table
        self.values = values
        self.row = row
    }
}

/// The tables a load writes records to. A small integer, so that the loader finds a table's
/// statements by position instead of hashing its name on every row.
enum RecordTable: Int, CaseIterable, Sendable {
    case episode, session, assessment, goal, clinicalEvent

    /// The table's layout.
    var stored: StoredTable {
        switch self {
        case .episode: return Episode.stored
        case .session: return Session.stored
        case .assessment: return Assessment.stored
        case .goal: return Goal.stored
        case .clinicalEvent: return ClinicalEvent.stored
        }
    }

    /// The packs the table's rows are also kept in, if any.
    var pack: (any EpisodePack.Type)? {
        switch self {
        case .session: return SessionPack.self
        case .assessment: return AssessmentPack.self
        case .goal: return GoalPack.self
        case .episode, .clinicalEvent: return nil
        }
    }
}
