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
    /// The last dictionary value seen in each of 64 slots, by a cheap hash of its bytes: most
    /// rows find their staff here, where `known` hashed each text with SipHash (measured: 330
    /// instructions a row on a sessions file).
    private var recent = [(text: String, number: Int64)?](repeating: nil, count: 64)
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
            let slot = Self.slot(of: text)
            if let hit = recent[slot], hit.text == text { return .integer(hit.number) }
            let number = try known[text] ?? lookUp(text) ?? insert(text, with: add)
            known[text] = number
            recent[slot] = (text, number)
            return .integer(number)
        }
        if let lastEpisode, lastEpisode.id == text { return lastEpisode.number.map(SQLValue.integer) ?? .null }
        let number = try lookUp(text)
        lastEpisode = (text, number)
        return number.map(SQLValue.integer) ?? .null
    }

    /// The slot of `recent` for `text`: FNV-1a of its UTF-8 bytes, modulo 64. The bytes are read
    /// in place (iterating the UTF-8 view cost about 40 instructions a byte).
    private static func slot(of text: String) -> Int {
        func fnv<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return Int(hash & 63)
        }
        return text.utf8.withContiguousStorageIfAvailable(fnv) ?? fnv(text.utf8)
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
