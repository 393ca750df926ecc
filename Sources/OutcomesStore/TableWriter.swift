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
    /// The episodes this writer wrote rows of (a batch that was retried row by row included),
    /// and, for an update, the episode the row belonged to before: whose packs need rebuilding.
    private(set) var episodesWritten: Set<Int64> = []
    /// The last episode added to `episodesWritten`: rows come grouped by episode, so most rows
    /// need no set insert.
    private var lastEpisodeWritten: Int64?

    init(db: Database, table: StoredTable) throws {
        self.table = table
        let numberings = try table.columns.map { column in
            try table.numbered[column].map { try ColumnNumbering(db: db, column: $0) }
        }
        plainColumns = numberings.indices.filter { numberings[$0] == nil }
        numberedColumns = numberings.enumerated().compactMap { index, numbering in numbering.map { (index, $0) } }
        episodeColumn = table.columns.firstIndex { table.numbered[$0]?.table == NumberedColumn.episode.table }
        let columns = table.columns.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: table.columns.count + 1).joined(separator: ", ")
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
    /// Throws an `SQLiteFailure` for any other failure.
    func insertAll<Rows: Collection>(_ rows: Rows, loadID: Int64) throws -> Int where Rows.Element == [SQLValue] {
        let statement = insertBatch.sqliteStatement
        sqlite3_reset(statement)
        texts.reserve(for: rows)
        var first: Int32 = 1
        for values in rows {
            try bind(values, loadID: loadID, to: statement, from: first)
            first += Int32(values.count + 1)
        }
        do {
            try step(statement)
        } catch {
            guard error.isConstraint else { throw error }
            return Int(sqlite3_changes(sqlite3_db_handle(statement)))
        }
        return rows.count
    }

    /// Inserts the record's `values` (in column order, numbered columns as text) when its natural
    /// key is new; else compares them with the stored version and replaces it when they differ.
    func write(_ values: [SQLValue], loadID: Int64) throws -> RowDisposition {
        let statement = insert.sqliteStatement
        sqlite3_reset(statement)
        texts.reserve(for: CollectionOfOne(values))
        try bind(values, loadID: loadID, to: statement, from: 1)
        try step(statement)
        if sqlite3_changes(sqlite3_db_handle(statement)) == 1 { return .loaded }
        return try replace(with: numbered(values), loadID: loadID)
    }

    /// Binds one record's values and the load id to the parameters from `first` on, numbered
    /// columns as their numbers, text through `texts` (reserved beforehand).
    private func bind(_ values: [SQLValue], loadID: Int64, to statement: OpaquePointer, from first: Int32) throws {
        for index in plainColumns { texts.bind(values[index], to: statement, at: first + Int32(index)) }
        for (index, numbering) in numberedColumns {
            let stored = try numbering.stored(values[index])
            if index == episodeColumn { noteEpisode(of: stored) }
            statement.bind(stored, at: first + Int32(index))
        }
        statement.bind(.integer(loadID), at: first + Int32(values.count))
    }

    /// Adds the episode number `value` (NULL for an unknown episode) to `episodesWritten`.
    private func noteEpisode(of value: SQLValue) {
        guard case .integer(let episode) = value, episode != lastEpisodeWritten else { return }
        episodesWritten.insert(episode)
        lastEpisodeWritten = episode
    }

    /// The values as stored: numbered columns' text replaced by their numbers.
    private func numbered(_ values: [SQLValue]) throws -> [SQLValue] {
        var stored = values
        for (index, numbering) in numberedColumns { stored[index] = try numbering.stored(values[index]) }
        return stored
    }

    /// A row whose natural key is stored already: a duplicate when nothing differs, else an update.
    private func replace(with values: [SQLValue], loadID: Int64) throws -> RowDisposition {
        let key = values[table.keyIndex]
        let keyText = if case .text(let text) = key { text } else { "" }
        let (stored, previousLoad) = try storedVersion(key: key)
        if stored == values { return .duplicate }
        if let episodeColumn { noteEpisode(of: stored[episodeColumn]) }
        try keepHistory(of: stored, key: keyText, previousLoad: previousLoad, loadID: loadID)
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
        let loadID: Int64 = if case .integer(let id) = statement.column(Int32(table.columns.count)) { id } else { 0 }
        sqlite3_reset(statement)
        return (values, loadID)
    }

    private func keepHistory(of stored: [SQLValue], key: String, previousLoad: Int64, loadID: Int64) throws {
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
