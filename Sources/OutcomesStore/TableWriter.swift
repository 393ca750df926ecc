import GRDB
import GRDBSQLite
import OutcomesCore

/// Prepared statements for one table: insert a batch of new rows, insert-if-new, read the
/// stored version, keep history, update.
///
/// An insert binds the records' values as they come, numbered columns replaced by their
/// numbers on the way, and their text through one reused buffer that SQLite reads in place:
/// no array, String or SQLite copy per row.
final class TableWriter {
    /// Rows per multi-row insert. One statement per row spends more in SQLite's per-statement
    /// work (opening and closing cursors on the table, its indexes and every referenced table,
    /// the statement journal) than in storing the row.
    static let batchRows = 64

    let table: StoredTable
    /// The load whose rows this writer stores.
    let loadID: Int64
    /// Inserts `batchRows` rows, stopping at the first that breaks a constraint or repeats a
    /// stored natural key (OR FAIL: the rows before it stay, so SQLite keeps no statement
    /// journal to back them out; measured: 4% of the loading thread's instructions).
    private let insertBatch: Statement
    private let insert: Statement
    private let select: Statement
    private let history: Statement
    private let update: Statement
    /// The positions of the columns bound as given, and of the numbered columns with their lookups.
    private let plainColumns: [Int]
    private let numberedColumns: [(index: Int, numbering: ColumnNumbering)]
    /// Holds the insert's text values until its step is done.
    private let texts = StatementTexts()
    /// The position of the column holding a row's episode number, when the table has one.
    private let episodeColumn: Int?
    /// The numbers bound for the numbered columns of the rows of the last insert, row after row.
    private var boundNumbers: [SQLValue] = []
    /// Keeps the packs of the episodes this writer writes rows of, when the table has packs.
    private let packs: EpisodePackBuilder?
    /// True in a reload (`FileLoad.keepsStored`): a row whose natural key is stored is a duplicate.
    private let keepsStored: Bool

    /// Statements for `table` in the load numbered `loadID` (written into the inserts, so that a
    /// row binds one value fewer), whose rows are also kept in `pack` when it has packs; with
    /// `keepsStored`, stored rows are never replaced.
    init(db: Database, table: StoredTable, pack: (any EpisodePack.Type)?, loadID: Int64,
         keepsStored: Bool = false) throws {
        self.table = table
        self.loadID = loadID
        self.keepsStored = keepsStored
        let numberings = try table.columns.map { column in
            try table.numbered[column].map { try ColumnNumbering(db: db, column: $0) }
        }
        plainColumns = numberings.indices.filter { numberings[$0] == nil }
        numberedColumns = numberings.enumerated().compactMap { index, numbering in numbering.map { (index, $0) } }
        episodeColumn = table.columns.firstIndex { table.numbered[$0]?.table == NumberedColumn.episode.table }
        let numbered = numberedColumns.map(\.index)
        packs = try pack.map { try EpisodePackBuilder(db: db, pack: $0, table: table, numbered: numbered) }
        let columns = table.columns.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ") + ", \(loadID)"
        let rows = Array(repeating: "(\(placeholders))", count: Self.batchRows).joined(separator: ", ")
        insertBatch = try db.makeStatement(sql: "INSERT OR FAIL INTO \(table.name) (\(columns), load_id) VALUES \(rows)")
        insert = try db.makeStatement(sql: """
            INSERT INTO \(table.name) (\(columns), load_id) VALUES (\(placeholders))
            ON CONFLICT(\(table.keyColumn)) DO NOTHING
            """)
        select = try db.makeStatement(sql: "SELECT \(columns), load_id FROM \(table.name) WHERE \(table.keyColumn) = ?")
        history = try db.makeStatement(sql: """
            INSERT INTO record_history (table_name, natural_key, previous_values, previous_load_id, replaced_by_load_id)
            VALUES (?, ?, ?, ?, ?)
            """)
        let assignments = table.columns.map { "\($0) = ?" }.joined(separator: ", ")
        update = try db.makeStatement(sql: "UPDATE \(table.name) SET \(assignments), load_id = ? WHERE \(table.keyColumn) = ?")
    }

    /// Inserts `batchRows` records' values (each in column order, numbered columns as text) in
    /// one statement; returns how many were stored: all of them, or those before the first row
    /// that breaks a constraint or whose natural key is stored (or repeated in the batch).
    /// Throws an `SQLiteFailure` for any other failure. The records are lent in one buffer and
    /// read in place: iterating them through a collection's elements retained and released
    /// each record's values twice on the loading thread.
    func insertAll(_ records: UnsafeBufferPointer<PreparedRecord>) throws -> Int {
        let statement = insertBatch.sqliteStatement
        sqlite3_reset(statement)
        texts.empty()
        var numbers = takeBoundNumbers()
        defer { boundNumbers = numbers }
        var first: Int32 = 1
        for position in records.indices {
            try bind(records[position].values, to: statement, from: first, numbers: &numbers)
            first += Int32(records[position].values.count)
        }
        var stored = records.count
        do {
            try step(statement)
        } catch {
            guard error.isConstraint else { throw error }
            stored = Int(sqlite3_changes(sqlite3_db_handle(statement)))
        }
        if let packs {
            let stride = numberedColumns.count
            for position in 0..<stored {
                try packs.stored(records[position].values, numbers: numbers, from: position * stride)
            }
        }
        return stored
    }

    /// The buffer of bound numbers, emptied, taken out of `self` while rows are bound: one
    /// exclusive access per statement instead of one per value.
    private func takeBoundNumbers() -> [SQLValue] {
        var numbers: [SQLValue] = []
        swap(&numbers, &boundNumbers)
        numbers.removeAll(keepingCapacity: true)
        return numbers
    }

    /// How many runs of rows were merged into an episode's stored pack (`EpisodePackBuilder`).
    var mergedRuns: Int { packs?.mergedRuns ?? 0 }
    /// How many episodes' packs were, or are to be, rebuilt from the table (`EpisodePackBuilder`).
    var rebuiltEpisodes: Int { packs?.rebuilt.count ?? 0 }

    /// Stores the last run's pack and rebuilds the episodes too large to merge (`EpisodePackBuilder.finish`).
    func finishPacks() throws {
        try packs?.finish()
    }

    /// Inserts the record's `values` (in column order, numbered columns as text) when its natural
    /// key is new; else compares them with the stored version and replaces it when they differ
    /// (unless `keepsStored`: then it is a duplicate).
    func write(_ values: [SQLValue]) throws -> RowDisposition {
        let statement = insert.sqliteStatement
        sqlite3_reset(statement)
        texts.empty()
        var numbers = takeBoundNumbers()
        defer { boundNumbers = numbers }
        try bind(values, to: statement, from: 1, numbers: &numbers)
        try step(statement)
        if sqlite3_changes(sqlite3_db_handle(statement)) == 1 {
            try packs?.stored(values, numbers: numbers, from: 0)
            return .loaded
        }
        if keepsStored { return .duplicate }
        return try replace(with: numbered(values))
    }

    /// Binds one record's values to the parameters from `first` on, numbered columns as their
    /// numbers (appended to `numbers`), text through `texts` (emptied beforehand).
    private func bind(_ values: [SQLValue], to statement: OpaquePointer, from first: Int32,
                      numbers: inout [SQLValue]) throws {
        for index in plainColumns { texts.bind(values[index], to: statement, at: first + Int32(index)) }
        for (index, numbering) in numberedColumns {
            let stored = try numbering.stored(values[index])
            numbers.append(stored)
            statement.bind(stored, at: first + Int32(index))
        }
    }

    /// The values as stored: numbered columns' text replaced by their numbers.
    private func numbered(_ values: [SQLValue]) throws -> [SQLValue] {
        var stored = values
        for (index, numbering) in numberedColumns { stored[index] = try numbering.stored(values[index]) }
        return stored
    }

    /// A row whose natural key is stored already: a duplicate when nothing differs, else an update.
    private func replace(with values: [SQLValue]) throws -> RowDisposition {
        let key = values[table.keyIndex]
        let keyText = if case .text(let text) = key { text } else { "" }
        let (stored, previousLoad) = try storedVersion(key: key)
        if stored == values { return .duplicate }
        if let episodeColumn { try packs?.replaced(key: keyText, previous: stored[episodeColumn], values: values) }
        try keepHistory(of: stored, key: keyText, previousLoad: previousLoad)
        let updating = update.sqliteStatement
        sqlite3_reset(updating)
        for (index, value) in values.enumerated() { updating.bind(value, at: Int32(index + 1)) }
        updating.bind(.integer(loadID), at: Int32(values.count + 1))
        updating.bind(key, at: Int32(values.count + 2))
        try step(updating)
        return .updated
    }

    private func storedVersion(key: SQLValue) throws -> ([SQLValue], Int64) {
        let statement = select.sqliteStatement
        sqlite3_reset(statement)
        statement.bind(key, at: 1)
        guard sqlite3_step(statement) == SQLITE_ROW else {
            throw StoreError.sqlite(message: "a conflicting \(table.name) row vanished")
        }
        let values = (0..<table.columns.count).map { statement.column(Int32($0)) }
        let previousLoad = statement.column(Int32(table.columns.count)).integerValue ?? 0
        sqlite3_reset(statement)
        return (values, previousLoad)
    }

    private func keepHistory(of stored: [SQLValue], key: String, previousLoad: Int64) throws {
        let object = zip(table.columns, stored).map { "\(JSONString.quoted($0)): \($1.json)" }.joined(separator: ", ")
        let statement = history.sqliteStatement
        sqlite3_reset(statement)
        statement.bind(.text(table.name), at: 1)
        statement.bind(.text(key), at: 2)
        statement.bind(.text("{\(object)}"), at: 3)
        statement.bind(.integer(previousLoad), at: 4)
        statement.bind(.integer(loadID), at: 5)
        try step(statement)
    }
}
