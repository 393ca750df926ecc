import GRDB
import GRDBSQLite

/// A row the schema refused while a file loaded (issue 9.7): the file, the row and the column,
/// and the rule, never the row's key or values (they may hold identifiers, and errors are logged).
public struct RefusedRow: Sendable, Hashable, CustomStringConvertible {
    /// The file's name as the load was given it.
    public var file: String
    /// The spreadsheet row number (header = 1), when the record carried one.
    public var row: Int?
    /// The SQL table that refused the row.
    public var table: String
    /// The column the refused rule concerns, when it names one.
    public var column: String?
    /// The rule, in the schema's words: a CHECK expression, a foreign key, NOT NULL.
    public var rule: String

    public var description: String {
        let place = [row.map { "row \($0)" }, column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return "\(file)\(place.isEmpty ? "" : ": \(place)"): the database refused the \(table) row: \(rule)"
    }
}

/// A statement that SQLite did not run to completion, with its extended result code.
struct SQLiteFailure: Error {
    let code: Int32
    let message: String

    var isConstraint: Bool { code & 0xff == SQLITE_CONSTRAINT }

    /// The failure as the load reports it: a refused row naming its place when it broke a
    /// constraint, else a database error.
    func storeError(file: String, row: Int?, table: StoredTable) -> StoreError {
        guard isConstraint else { return .sqlite(message: message) }
        let (column, rule) = refusedRule(table)
        return .rowRefused(RefusedRow(file: file, row: row, table: table.name, column: column.map(table.inputName),
                                      rule: rule))
    }

    /// The column and the rule of a constraint failure. SQLite names the column of NOT NULL and
    /// UNIQUE, and gives a CHECK's expression (whose first column of the table is the one
    /// meant); a foreign key failure names nothing, and a record's only foreign key that can
    /// fail is the table's reference to its episode.
    func refusedRule(_ table: StoredTable) -> (column: String?, rule: String) {
        let detail = message.split(separator: ":", maxSplits: 1).dropFirst().first
            .map { String($0.drop { $0 == " " }) }
        switch ResultCode(rawValue: code) {
        case .SQLITE_CONSTRAINT_FOREIGNKEY:
            let column = table.foreignKeyColumn
            return (column, "its \(column.map(table.inputName) ?? "reference") names no stored row (foreign key)")
        case .SQLITE_CONSTRAINT_NOTNULL where namedColumn.map({ table.numbered[$0]?.addsNewValues == false }) == true:
            // An episode id with no stored episode has no number: the foreign key, seen as NOT NULL.
            let column = namedColumn
            return (column, "its \(column.map(table.inputName) ?? "reference") names no stored row (foreign key)")
        case .SQLITE_CONSTRAINT_CHECK:
            let expression = detail ?? ""
            return (Self.firstColumn(in: expression, of: table), "CHECK (\(expression))")
        case .SQLITE_CONSTRAINT_NOTNULL, .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY:
            return (namedColumn, message)
        default:
            return (nil, message)
        }
    }

    /// The column SQLite names in a NOT NULL, UNIQUE or PRIMARY KEY failure (`table.column`).
    private var namedColumn: String? {
        message.split(separator: ":", maxSplits: 1).dropFirst().first?.split(separator: ".").last
            .map { String($0.drop { $0 == " " }) }
    }

    /// The first identifier of `expression`, outside quoted literals, that is a column of `table`.
    static func firstColumn(in expression: String, of table: StoredTable) -> String? {
        var inLiteral = false
        var word = ""
        for character in expression + " " {
            if character == "'" { inLiteral.toggle(); word = ""; continue }
            if inLiteral { continue }
            if character.isLetter || character.isNumber || character == "_" {
                word.append(character)
            } else {
                if table.columns.contains(word) { return word }
                word = ""
            }
        }
        return nil
    }
}
