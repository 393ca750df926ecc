import GRDB
import GRDBSQLite
import OutcomesCore

/// A stored value that does not decode into its Swift type (a date such as `2026-02-30`, which
/// the schema's pattern lets through, or a value edited in by hand).
struct UndecodableColumn: Error {
    let index: Int32
}

/// Rows of a table that could not be read back (issue 9.7): counted, and reported as one error
/// once the table has been read, naming the first by its position in key order and its column,
/// never by its key or value (which may be identifiers).
public struct UnreadableRows: Sendable, Hashable, CustomStringConvertible {
    /// The SQL table read.
    public var table: String
    /// How many rows failed to decode.
    public var count: Int
    /// The first failing row's 1-based position in the table, ordered by `keyColumn`.
    public var firstPosition: Int
    /// The key column that orders the table.
    public var keyColumn: String
    /// The column of the first failing row that did not decode.
    public var column: String

    public var description: String {
        let rows = count == 1 ? "1 \(table) row" : "\(count) \(table) rows"
        return "the database holds \(rows) that cannot be read: the first is row \(firstPosition) of \(table) "
            + "in \(keyColumn) order, whose \(column) does not decode; nothing was computed from a partial table"
    }
}

extension UnreadableRows {
    /// `count` rows of `table` that did not decode, the first named by its position in `keyColumn`
    /// order, found from its key (`firstKey`), and by its `column`.
    init(_ db: Database, table: String, count: Int, keyColumn: String, firstKey: SQLValue, column: String) throws {
        var before = 0
        try ResultReader.forEach(db, sql: "SELECT count(*) FROM \(table) WHERE \(keyColumn) < ?",
                                 arguments: [firstKey]) { before = $0.int(0) ?? 0 }
        self.init(table: table, count: count, firstPosition: before + 1, keyColumn: keyColumn, column: column)
    }
}

extension ResultReader {
    /// Runs `sql` over `table` and calls `body` for each row. A row whose decoding throws
    /// `UndecodableColumn` is counted, not passed on; when any was, the read throws
    /// `StoreError.unreadableRows` after the last row. `keyIndex` is the result column holding
    /// the table's `keyColumn`, to name the first failing row by its position.
    static func forEachRecord(
        _ db: Database, table: String, keyColumn: String, keyIndex: Int32, sql: String,
        arguments: [SQLValue] = [], _ body: (ResultReader) throws -> Void
    ) throws {
        var failures = 0
        var first: (key: SQLValue, column: String)?
        try forEach(db, sql: sql, arguments: arguments) { row in
            do {
                try body(row)
            } catch let undecodable as UndecodableColumn {
                failures += 1
                if first == nil {
                    let name = sqlite3_column_name(row.statement, undecodable.index).map { String(cString: $0) } ?? "?"
                    first = (row.statement.column(keyIndex), name)
                }
            }
        }
        guard let first else { return }
        throw StoreError.unreadableRows(try UnreadableRows(
            db, table: table, count: failures, keyColumn: keyColumn, firstKey: first.key, column: first.column))
    }

    // MARK: - Decoding that throws instead of guessing

    /// A date that must be there.
    func requiredDay(_ index: Int32) throws(UndecodableColumn) -> Day {
        guard let day = day(index) else { throw UndecodableColumn(index: index) }
        return day
    }

    /// A date, nil when NULL; a value that is not a date throws.
    func optionalDay(_ index: Int32) throws(UndecodableColumn) -> Day? {
        if isNull(index) { return nil }
        return try requiredDay(index)
    }

    /// A code that must be there and be one of `Code`'s.
    func requiredCode<Code: RawRepresentable>(_ index: Int32, as type: Code.Type) throws(UndecodableColumn) -> Code
    where Code.RawValue == String {
        guard let code = code(index, as: type) else { throw UndecodableColumn(index: index) }
        return code
    }

    /// A code, nil when NULL; a value that is not one of `Code`'s throws.
    func optionalCode<Code: RawRepresentable>(_ index: Int32, as type: Code.Type) throws(UndecodableColumn) -> Code?
    where Code.RawValue == String {
        if isNull(index) { return nil }
        return try requiredCode(index, as: type)
    }
}
