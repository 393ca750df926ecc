import OutcomesCore

/// A record turned into its table's column values, ready for `FileLoad.store(_:)`. Preparing
/// (formatting dates, building natural keys) needs no database, so the loader does it on the
/// thread that reads the file.
public struct PreparedRecord: Sendable {
    let tableName: String
    let values: [SQLValue]
    /// The record's spreadsheet row in its file (header = 1), so that a refusal names it.
    let row: Int?

    /// - Parameter row: where the record sits in its file, for errors.
    public init(_ episode: Episode, row: Int? = nil) { self.init(episode as any StoredRecord, row: row) }
    /// - Parameter row: where the record sits in its file, for errors.
    public init(_ session: Session, row: Int? = nil) { self.init(session as any StoredRecord, row: row) }
    /// - Parameter row: where the record sits in its file, for errors.
    public init(_ assessment: Assessment, row: Int? = nil) { self.init(assessment as any StoredRecord, row: row) }
    /// - Parameter row: where the record sits in its file, for errors.
    public init(_ goal: Goal, row: Int? = nil) { self.init(goal as any StoredRecord, row: row) }
    /// - Parameter row: where the record sits in its file, for errors.
    public init(_ event: ClinicalEvent, row: Int? = nil) { self.init(event as any StoredRecord, row: row) }

    private init(_ record: any StoredRecord, row: Int?) {
        tableName = type(of: record).stored.name
        values = record.storedValues
        self.row = row
    }

    /// The table layouts, by SQL table name.
    static let tables: [String: StoredTable] = Dictionary(
        uniqueKeysWithValues: [Episode.stored, Session.stored, Assessment.stored, Goal.stored, ClinicalEvent.stored].map { ($0.name, $0) })
}
