import GRDB
import GRDBSQLite
import OutcomesCore

/// Steps a query through the C API and decodes columns without per-value allocation where it
/// can: reading millions of sessions for analysis is on the hot path.
struct ResultReader: RowColumns {
    let statement: OpaquePointer

    /// Runs `sql` and calls `body` for each result row.
    static func forEach(_ db: Database, sql: String, arguments: [SQLValue] = [], _ body: (ResultReader) throws -> Void) throws {
        let prepared = try db.cachedStatement(sql: sql)
        let statement = prepared.sqliteStatement
        sqlite3_reset(statement)
        for (index, value) in arguments.enumerated() { statement.bind(value, at: Int32(index + 1)) }
        defer { sqlite3_reset(statement) }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw StoreError.sqlite(message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
            }
            try body(ResultReader(statement: statement))
        }
    }

    func text(_ index: Int32) -> String? { statement.textColumn(index) }

    /// Column `index`'s text as UTF-8 bytes (empty when NULL), valid until the next row.
    func utf8(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
        let text = sqlite3_column_text(statement, index)
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, index)))
    }

    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(statement, index) == SQLITE_NULL }

    func integer(_ index: Int32) -> Int64? {
        sqlite3_column_type(statement, index) == SQLITE_INTEGER ? sqlite3_column_int64(statement, index) : nil
    }

    func number(_ index: Int32) -> Double? {
        let type = sqlite3_column_type(statement, index)
        return type == SQLITE_FLOAT || type == SQLITE_INTEGER ? sqlite3_column_double(statement, index) : nil
    }

    func int(_ index: Int32) -> Int? {
        sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(statement, index))
    }

    func double(_ index: Int32) -> Double? {
        sqlite3_column_type(statement, index) == SQLITE_NULL ? nil : sqlite3_column_double(statement, index)
    }

    func day(_ index: Int32) -> Day? {
        guard let pointer = sqlite3_column_text(statement, index) else { return nil }
        let count = Int(sqlite3_column_bytes(statement, index))
        return Day(isoUTF8: UnsafeBufferPointer(start: pointer, count: count))
    }

    /// A code column decoded into its enum; the schema's CHECK constraints guarantee it parses.
    func code<Code: RawRepresentable>(_ index: Int32, as type: Code.Type) -> Code? where Code.RawValue == String {
        text(index).flatMap(Code.init(rawValue:))
    }
}
