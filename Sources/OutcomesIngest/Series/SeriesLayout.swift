/// The columns of a series file and the values they may hold, as the chart that reads it needs.
///
/// Columns are taken by position after a header row of any names: the period label, the value
/// (or numerator) and, when `hasDenominator`, the denominator.
public struct SeriesLayout: Sendable, Equatable {
    /// A third column holds each period's denominator (p and u charts).
    public var hasDenominator: Bool
    /// Values are counts or numerators, so a negative one is an error.
    public var valuesAreCounts: Bool
    /// A numerator may not exceed its denominator (proportions).
    public var numeratorWithinDenominator: Bool
    /// The column names used in messages, e.g. ["label", "numerator", "denominator"].
    public var columnNames: [String]

    /// A layout; `columnNames` has two names, or three with a denominator.
    public init(hasDenominator: Bool, valuesAreCounts: Bool, numeratorWithinDenominator: Bool, columnNames: [String]) {
        self.hasDenominator = hasDenominator
        self.valuesAreCounts = valuesAreCounts
        self.numeratorWithinDenominator = numeratorWithinDenominator
        self.columnNames = columnNames
    }

    /// How many columns every row has.
    public var columnCount: Int { hasDenominator ? 3 : 2 }
}

/// A series file read whole: its header's column names and its rows.
public struct SeriesTable: Sendable, Equatable {
    /// The header row's names, as written (the label, value and denominator columns).
    public let header: [String]
    /// The periods, in file order.
    public let rows: [SeriesRow]
}

/// One period of a series file; nil value or denominator is a gap (an empty cell).
public struct SeriesRow: Sendable, Equatable {
    /// The period label, as written.
    public let label: String
    /// The value or numerator.
    public let value: Double?
    /// The denominator; nil when the layout has none or the cell is empty.
    public let denominator: Double?

    /// A row of a series.
    public init(label: String, value: Double?, denominator: Double?) {
        self.label = label
        self.value = value
        self.denominator = denominator
    }
}

/// A series file that cannot be charted: names the file and, where it has them, the row
/// (counting the header as row 1) and the column (from 1).
public struct SeriesFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file's name as the user gave it.
    public let file: String
    /// The row of the problem, when it has one.
    public let row: Int?
    /// The column of the problem, when it has one.
    public let column: Int?
    /// What is wrong, for people.
    public let message: String

    /// An error in `file`, at `row` and `column` when given.
    public init(file: String, row: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    /// "file: row 3, column 2: message".
    public var description: String {
        var place = [String]()
        if let row { place.append("row \(row)") }
        if let column { place.append("column \(column)") }
        return place.isEmpty ? "\(file): \(message)" : "\(file): \(place.joined(separator: ", ")): \(message)"
    }
}
