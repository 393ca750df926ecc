/// Small-cell suppression for publication outside the program (SPEC section 6).
///
/// Primary: every count from 1 to 10 is hidden, totals included; 0 is shown (a zero reveals
/// no person). Complementary, repeated until nothing changes:
/// - a row or column (the totals row and column included when displayed) with exactly one
///   hidden count, or whose hidden body counts are all 1 under a displayed total, hides one
///   more cell: the smallest shown non-zero cell of it, preferring a cell whose crossing
///   row or column also has a single hidden count, then the first in reading order;
/// - a hidden count still pinned down through several rows and columns together (a bridge
///   between two blocks of hidden cells) gets the smallest non-zero cell that joins the blocks.
/// The result: no hidden count can be recovered exactly from the shown counts and totals.
public enum SmallCellSuppression {
    /// The counts that are hidden: 1 to 10.
    public static let hiddenCounts = SuppressionGrid.smallCounts

    /// Suppresses a two-way table of non-negative counts (`counts[row][column]`, rectangular)
    /// published with `totals`.
    public static func suppress(_ counts: [[Int]], totals: DisplayedTotals = .all) -> SuppressedTable {
        precondition(counts.allSatisfy { $0.count == counts.first?.count }, "a table is rectangular")
        var grid = SuppressionGrid(counts: counts, totals: totals)
        while grid.hideForWeakestLine() || grid.hideForFirstBridge() {}
        let bodyRows = counts.indices
        let bodyColumns = 0..<(counts.first?.count ?? 0)
        let totalRow = counts.count
        let totalColumn = bodyColumns.count
        func cell(_ row: Int, _ column: Int) -> SuppressedCell {
            grid.published(SuppressionGrid.Position(row: row, column: column))
        }
        return SuppressedTable(
            cells: bodyRows.map { row in bodyColumns.map { cell(row, $0) } },
            rowTotals: totals.contains(.rows) ? bodyRows.map { cell($0, totalColumn) } : nil,
            columnTotals: totals.contains(.columns) ? bodyColumns.map { cell(totalRow, $0) } : nil,
            grandTotal: totals.contains(.grand) ? cell(totalRow, totalColumn) : nil
        )
    }

    /// Suppresses one list of counts (categories of one variable) published with or without its total.
    public static func suppress(_ counts: [Int], showingTotal: Bool = true) -> SuppressedList {
        let table = suppress([counts], totals: showingTotal ? [.rows] : [])
        return SuppressedList(cells: table.cells.first ?? [], total: table.rowTotals?.first)
    }

    /// Withholds the rate `numerator / denominator` when either count is 1 to 10, hiding that count.
    public static func proportion(numerator: Int, denominator: Int) -> SuppressedProportion {
        let hideNumerator = hiddenCounts.contains(numerator)
        let hideDenominator = hiddenCounts.contains(denominator)
        let suppressed = hideNumerator || hideDenominator
        return SuppressedProportion(
            numerator: hideNumerator ? .suppressed(primary: true) : .shown(numerator),
            denominator: hideDenominator ? .suppressed(primary: true) : .shown(denominator),
            rate: suppressed || denominator <= 0 ? nil : Double(numerator) / Double(denominator),
            isSuppressed: suppressed
        )
    }
}
