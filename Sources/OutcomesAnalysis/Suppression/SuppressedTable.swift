/// Which totals a published table displays.
public struct DisplayedTotals: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// A total at the end of every row.
    public static let rows = DisplayedTotals(rawValue: 1)
    /// A total at the foot of every column.
    public static let columns = DisplayedTotals(rawValue: 2)
    /// The grand total.
    public static let grand = DisplayedTotals(rawValue: 4)
    /// Row, column and grand totals.
    public static let all: DisplayedTotals = [.rows, .columns, .grand]
}

/// A two-way table of counts after small-cell suppression, the same shape as its input.
public struct SuppressedTable: Sendable, Equatable {
    /// The body: `cells[row][column]`.
    public let cells: [[SuppressedCell]]
    /// One per row when row totals are displayed, else nil.
    public let rowTotals: [SuppressedCell]?
    /// One per column when column totals are displayed, else nil.
    public let columnTotals: [SuppressedCell]?
    /// The grand total when displayed, else nil.
    public let grandTotal: SuppressedCell?
}

/// A list of counts (one row of categories) after small-cell suppression.
public struct SuppressedList: Sendable, Equatable {
    public let cells: [SuppressedCell]
    /// The total when displayed, else nil.
    public let total: SuppressedCell?
}
