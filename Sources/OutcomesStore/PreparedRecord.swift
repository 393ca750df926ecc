import OutcomesCore

/// A record turned into its table's column values, ready for `FileLoad.store(_:)`. Preparing
/// (formatting dates, building natural keys) needs no database, so the loader does it on the
/// thread that reads the file.
public struct PreparedRecord: Sendable {
    let tableName: String
    let values: [SQLValue]

    public init(_ episode: Episode) { self.init(episode as any StoredRecord) }
    public init(_ session: Session) { self.init(session as any StoredRecord) }
    public init(_ assessment: Assessment) { self.init(assessment as any StoredRecord) }
    public init(_ goal: Goal) { self.init(goal as any StoredRecord) }
    public init(_ event: ClinicalEvent) { self.init(event as any StoredRecord) }

    private init(_ record: any StoredRecord) {
        tableName = type(of: record).stored.name
        values = record.storedValues
    }

    /// The table layouts, by SQL table name.
    static let tables: [String: StoredTable] = Dictionary(
        uniqueKeysWithValues: [Episode.stored, Session.stored, Assessment.stored, Goal.stored, ClinicalEvent.stored].map { ($0.name, $0) })
}
