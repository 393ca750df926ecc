import OutcomesCore

/// One hand-written data row of the dirty sample and what loading it must do.
struct DirtyRow {
    /// Where the row must end up (SPEC section 3).
    enum Outcome {
        case loaded, updated, duplicate
        case rejected(RejectReason, column: String?)
    }

    /// The record's bytes without its line end (may hold invalid UTF-8 or an open quote).
    var bytes: [UInt8]
    var outcome: Outcome
    /// Why the row is there, for the README.
    var intent: String
    /// Position of the first invalid UTF-8 byte within the row, for invalid_utf8 rows.
    var invalidByteInRow: Int? = nil

    static func loaded(_ line: String, _ intent: String) -> DirtyRow {
        DirtyRow(bytes: Array(line.utf8), outcome: .loaded, intent: intent)
    }

    static func updated(_ line: String, _ intent: String) -> DirtyRow {
        DirtyRow(bytes: Array(line.utf8), outcome: .updated, intent: intent)
    }

    static func duplicate(_ line: String, _ intent: String) -> DirtyRow {
        DirtyRow(bytes: Array(line.utf8), outcome: .duplicate, intent: intent)
    }

    static func rejected(_ reason: RejectReason, _ column: String?, _ line: String, _ intent: String) -> DirtyRow {
        DirtyRow(bytes: Array(line.utf8), outcome: .rejected(reason, column: column), intent: intent)
    }

    /// A rejected row whose bytes are `before`, then raw `bytes`, then `after`.
    static func rejected(_ reason: RejectReason, _ column: String?, _ before: String, raw: [UInt8], _ after: String,
                         _ intent: String) -> DirtyRow {
        DirtyRow(bytes: Array(before.utf8) + raw + Array(after.utf8), outcome: .rejected(reason, column: column),
                 intent: intent, invalidByteInRow: before.utf8.count)
    }
}

/// One file of the dirty sample: its header and rows in file order.
struct DirtyFile {
    var table: CanonicalTable
    var header: [String]
    var rows: [DirtyRow]

    var name: String { table.rawValue + ".csv" }

    /// The file's bytes: header and rows, each ended by LF.
    var bytes: [UInt8] {
        var result = Array(header.joined(separator: ",").utf8) + [10]
        for row in rows { result += row.bytes + [10] }
        return result
    }
}
