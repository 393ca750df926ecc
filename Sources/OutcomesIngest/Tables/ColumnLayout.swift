import OutcomesCore

/// One canonical column as a file supplies it: where it is in each record, how its source
/// values translate, and how its dates are written.
///
/// A class, not changed after `init`: validators pass columns to every check of every row, and a
/// copy of a struct retained its name, translation and date format one by one (copies were an
/// eighth of the reading thread's time on an assessments file of 20 item columns).
final class ColumnRef: Sendable {
    let name: String
    /// Index of the field in each record; -1 when the file lacks the column.
    let field: Int
    /// Source value -> canonical value, from the mapping file.
    let translation: [String: String]?
    let dateFormat: DateFormat
    /// The program's zone, in which a date-time's calendar date is taken.
    let zone: ProgramTimeZone?

    init(name: String, field: Int, translation: [String: String]?, dateFormat: DateFormat,
         zone: ProgramTimeZone? = nil) {
        self.name = name
        self.field = field
        self.translation = translation
        self.dateFormat = dateFormat
        self.zone = zone
    }

    var isPresent: Bool { field >= 0 }
}

/// Where each canonical column of a table sits in a file's records, after the mapping file
/// renamed the header.
public struct ColumnLayout: Sendable {
    public let table: CanonicalTable
    /// Number of fields every record must have (the header's).
    public let fieldCount: Int
    /// Canonical column -> field index, for the canonical columns the file has.
    public let fieldIndex: [String: Int]
    /// Field index of `item_<n>` at position n - 1; -1 where the file lacks that item.
    public let itemFields: [Int]
    /// Canonical column -> the file's name for it (for per-source date formats).
    let sourceNames: [String: String]
    private let mapping: Mapping?

    init(table: CanonicalTable, fieldCount: Int, fieldIndex: [String: Int], sourceNames: [String: String] = [:],
         mapping: Mapping?) {
        self.table = table
        self.fieldCount = fieldCount
        self.fieldIndex = fieldIndex
        self.sourceNames = sourceNames
        self.mapping = mapping
        let numbers = fieldIndex.keys.compactMap(CanonicalTable.itemNumber)
        var items = [Int](repeating: -1, count: numbers.max() ?? 0)
        for number in numbers { items[number - 1] = fieldIndex["item_\(number)"] ?? -1 }
        itemFields = items
    }

    /// The column `name` as this file supplies it (absent when the file lacks it).
    func column(_ name: String) -> ColumnRef {
        ColumnRef(
            name: name, field: fieldIndex[name] ?? -1,
            translation: mapping?.tables[table]?.values[name],
            dateFormat: mapping?.dateFormat(table: table, column: name, source: sourceNames[name]) ?? .iso,
            zone: mapping?.timeZone)
    }

    /// True when the rows name the patient instead of the episode.
    public var isPatientKeyed: Bool { fieldIndex["episode_id"] == nil && fieldIndex["patient_id"] != nil }

    /// True when the rows are item answers (one row per item) to be pivoted into assessments.
    public var isLong: Bool { table == .assessments && fieldIndex["answer"] != nil }
}

extension ColumnRef {
    /// A column the file does not have.
    static func absent(_ name: String) -> ColumnRef {
        ColumnRef(name: name, field: -1, translation: nil, dateFormat: .iso)
    }
}
