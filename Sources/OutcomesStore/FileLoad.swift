import GRDB
import GRDBSQLite
import OutcomesCore

/// Stores the rows of one file inside its load transaction and keeps the row accounting.
///
/// A row whose natural key is new is *loaded*; an identical repeat is a *duplicate*; the same
/// key with other content is an *update*: the stored version moves to `record_history` and the
/// new one replaces it.
public final class FileLoad {
    let db: Database
    let loadID: Int64
    internal(set) var summary: LoadSummary
    private var writers: [String: TableWriter] = [:]
    private let rejectStatement: Statement

    init(db: Database, loadID: Int64, summary: LoadSummary) throws {
        self.db = db
        self.loadID = loadID
        self.summary = summary
        rejectStatement = try db.makeStatement(sql: """
            INSERT INTO rejected_row (load_id, row_number, column_name, reason, message, raw_line)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
    }

    /// Stores a valid record and returns where it ended up. A row the schema refuses throws
    /// `StoreError.rowRefused`, naming the file, the record's row and the column.
    @discardableResult
    public func store(_ record: PreparedRecord) throws -> RowDisposition {
        let writer = try writers[record.tableName] ?? {
            guard let table = PreparedRecord.tables[record.tableName] else {
                throw StoreError.sqlite(message: "no table \(record.tableName)")
            }
            let made = try TableWriter(db: db, table: table)
            writers[record.tableName] = made
            return made
        }()
        let disposition: RowDisposition
        do {
            disposition = try writer.write(record.values, loadID: loadID)
        } catch let failure as SQLiteFailure {
            throw failure.storeError(file: summary.file, row: record.row, table: writer.table)
        }
        summary.count(disposition)
        return disposition
    }

    /// Records a rejected row in `rejected_row`.
    public func reject(_ issue: IngestIssue) throws {
        let statement = rejectStatement.sqliteStatement
        sqlite3_reset(statement)
        statement.bind(.integer(loadID), at: 1)
        statement.bind(.integer(Int64(issue.row)), at: 2)
        statement.bind(SQLValue(issue.column), at: 3)
        statement.bind(.text(issue.reason.rawValue), at: 4)
        statement.bind(.text(issue.message), at: 5)
        statement.bind(.text(issue.rawLine), at: 6)
        do {
            try step(statement)
        } catch let failure {
            guard failure.isConstraint else { throw StoreError.sqlite(message: failure.message) }
            throw StoreError.rowRefused(RefusedRow(file: summary.file, row: issue.row, table: "rejected_row",
                                                   column: nil, rule: failure.message))
        }
        summary.rejectsByReason[issue.reason, default: 0] += 1
    }
}

/// Prepared statements for one table: insert-if-new, read the stored version, keep history, update.
final class TableWriter {
    let table: StoredTable
    private let insert: Statement
    private let select: Statement
    private let history: Statement
    private let update: Statement
    /// The numbered columns' lookups, by column position.
    private let numberings: [(index: Int, numbering: ColumnNumbering)]

    init(db: Database, table: StoredTable) throws {
        self.table = table
        numberings = try table.columns.enumerated().compactMap { index, column in
            try table.numbered[column].map { (index, try ColumnNumbering(db: db, column: $0)) }
        }
        let columns = table.columns.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: table.columns.count + 1).joined(separator: ", ")
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

    func write(_ given: [SQLValue], loadID: Int64) throws -> RowDisposition {
        var values = given
        for (index, numbering) in numberings { values[index] = try numbering.stored(values[index]) }
        let key = values[table.keyIndex]
        let keyText = if case .text(let text) = key { text } else { "" }
        let statement = insert.sqliteStatement
        sqlite3_reset(statement)
        for (index, value) in values.enumerated() { statement.bind(value, at: Int32(index + 1)) }
        statement.bind(.integer(loadID), at: Int32(values.count + 1))
        try step(statement)
        if sqlite3_changes(sqlite3_db_handle(statement)) == 1 { return .loaded }

        let (stored, previousLoad) = try storedVersion(key: key)
        if stored == values { return .duplicate }
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

/// Steps a write statement to completion; throws an `SQLiteFailure` (which the caller turns
/// into a `StoreError` naming the file and row) when SQLite stops short.
func step(_ statement: OpaquePointer) throws(SQLiteFailure) {
    let code = sqlite3_step(statement)
    guard code == SQLITE_DONE else {
        let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(statement)))
        sqlite3_reset(statement)
        throw SQLiteFailure(code: code, message: message)
    }
}
