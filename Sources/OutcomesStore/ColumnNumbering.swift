import GRDB
import GRDBSQLite

/// Stores a numbered column's text as its number (migration v4): an episode id as its
/// `episode_no`, a staff id or an instrument code as its dictionary number, added on first use.
/// An episode id with no stored episode gives NULL, which the column's NOT NULL refuses.
final class ColumnNumbering {
    private let column: NumberedColumn
    private let find: Statement
    private let add: Statement?
    /// Dictionary values seen in this load (few: staff, instruments).
    private var known: [String: Int64] = [:]
    /// The last episode looked up: rows of one episode come together in every export seen.
    private var lastEpisode: (id: String, number: Int64?)?

    init(db: Database, column: NumberedColumn) throws {
        self.column = column
        find = try db.makeStatement(sql: """
            SELECT \(column.numberColumn) FROM \(column.table) WHERE \(column.textColumn) = ?
            """)
        add = column.addsNewValues
            ? try db.makeStatement(sql: "INSERT INTO \(column.table) (\(column.textColumn)) VALUES (?)") : nil
    }

    /// The value to store for `value` (text in, number out; NULL stays NULL).
    func stored(_ value: SQLValue) throws -> SQLValue {
        guard case .text(let text) = value else { return value }
        if let add {
            if let number = known[text] { return .integer(number) }
            let number = try lookUp(text) ?? insert(text, with: add)
            known[text] = number
            return .integer(number)
        }
        if let lastEpisode, lastEpisode.id == text { return lastEpisode.number.map(SQLValue.integer) ?? .null }
        let number = try lookUp(text)
        lastEpisode = (text, number)
        return number.map(SQLValue.integer) ?? .null
    }

    private func lookUp(_ text: String) throws -> Int64? {
        let statement = find.sqliteStatement
        sqlite3_reset(statement)
        statement.bind(.text(text), at: 1)
        defer { sqlite3_reset(statement) }
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return sqlite3_column_int64(statement, 0)
        case SQLITE_DONE: return nil
        default: throw StoreError.sqlite(message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
        }
    }

    private func insert(_ text: String, with add: Statement) throws -> Int64 {
        let statement = add.sqliteStatement
        sqlite3_reset(statement)
        statement.bind(.text(text), at: 1)
        do {
            try step(statement)
        } catch {
            throw StoreError.sqlite(message: "cannot add \(column.textColumn) to \(column.table): \(error.message)")
        }
        return sqlite3_last_insert_rowid(sqlite3_db_handle(statement))
    }
}
