import GRDBSQLite
import OutcomesCore

/// A value bound to or read from a SQLite statement on the hot load path.
///
/// The loader binds through the C API directly (`sqlite3_bind_*` on a statement GRDB
/// prepared and owns): GRDB's `StatementArguments` allocate per row, which costs more than
/// the insert itself at hundreds of thousands of rows per second.
enum SQLValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ int: Int?) { self = int.map { .integer(Int64($0)) } ?? .null }
    init(_ int: Int64?) { self = int.map(SQLValue.integer) ?? .null }

    /// The value as JSON, for the history of replaced rows.
    var json: String {
        switch self {
        case .null: return "null"
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let value): return JSONString.quoted(value)
        }
    }

    /// Whether the value is NULL (how `WrittenRow` and `BoundRow` read a column).
    var isNullValue: Bool {
        guard case .null = self else { return false }
        return true
    }

    /// The value when it is an integer, else nil.
    var integerValue: Int64? {
        guard case .integer(let value) = self else { return nil }
        return value
    }

    /// The value as a double when it is an integer or a real, else nil.
    var numberValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .real(let value): return value
        case .null, .text: return nil
        }
    }

    /// The value when it is text, else nil.
    var textValue: String? {
        guard case .text(let text) = self else { return nil }
        return text
    }
}

/// SQLite's SQLITE_TRANSIENT: it copies a bound value before the call returns.
let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension OpaquePointer {
    /// Binds `value` to the 1-based parameter `index` of this sqlite3_stmt.
    func bind(_ value: SQLValue, at index: Int32) {
        switch value {
        case .null: sqlite3_bind_null(self, index)
        case .integer(let int): sqlite3_bind_int64(self, index, int)
        case .real(let double): sqlite3_bind_double(self, index, double)
        case .text(let text):
            // withCString hands over a native string's own bytes: no bridging copy per value.
            _ = text.withCString { sqlite3_bind_text(self, index, $0, Int32(text.utf8.count), transient) }
        }
    }

    /// Reads the 0-based result column `index` of this sqlite3_stmt.
    func column(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(self, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(self, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(self, index))
        case SQLITE_NULL: return .null
        default:
            return textColumn(index).map(SQLValue.text) ?? .null
        }
    }

    /// Reads the 0-based result column `index` as text with its stored byte length: a C-string
    /// read would stop at the first NUL and return a value other than the one stored.
    func textColumn(_ index: Int32) -> String? {
        guard let text = sqlite3_column_text(self, index) else { return nil }
        let count = Int(sqlite3_column_bytes(self, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}
