/// The working table of small-cell suppression: the body bordered by a totals column and a
/// totals row, with the grand total in the corner.
///
/// Every row and column of this grid is one equation (its cells sum to its last cell), so a
/// hidden count can be recovered exactly from the shown cells only when its cell is a bridge
/// of the graph whose nodes are the grid's rows and columns and whose edges are its hidden
/// cells. Totals that are not displayed are unknowns ("free"), never protected.
struct SuppressionGrid {
    /// How one grid cell is published.
    enum State: Equatable {
        case shown
        case primary
        case complementary
        /// A total that is not displayed: unknown to the reader, nothing to protect.
        case free

        var isHidden: Bool { self != .shown }
        var isProtected: Bool { self == .primary || self == .complementary }
    }

    struct Position: Hashable {
        let row: Int
        let column: Int
    }

    /// Counts 1 to 10 are hidden; 0 is shown.
    static let smallCounts = 1...10

    let values: [[Int]]
    var states: [[State]]

    var rowCount: Int { values.count }
    var columnCount: Int { values.first?.count ?? 0 }

    /// Borders `counts` (rectangular, non-negative) with its totals and applies primary suppression.
    init(counts: [[Int]], totals: DisplayedTotals) {
        let columns = counts.first?.count ?? 0
        var values = counts.map { $0 + [$0.reduce(0, +)] }
        values.append((0...columns).map { column in values.reduce(0) { $0 + $1[column] } })
        self.values = values
        let lastRow = counts.count
        states = values.indices.map { row in
            (0...columns).map { column in
                let isRowTotal = column == columns
                let isColumnTotal = row == lastRow
                let displayed = switch (isRowTotal, isColumnTotal) {
                case (true, true): totals.contains(.grand)
                case (true, false): totals.contains(.rows)
                case (false, true): totals.contains(.columns)
                case (false, false): true
                }
                if !displayed { return .free }
                return Self.smallCounts.contains(values[row][column]) ? .primary : .shown
            }
        }
    }

    /// Every row and every column of the grid, each ending with its total.
    var lines: [[Position]] {
        let rows = (0..<rowCount).map { row in (0..<columnCount).map { Position(row: row, column: $0) } }
        let columns = (0..<columnCount).map { column in (0..<rowCount).map { Position(row: $0, column: column) } }
        return rows + columns
    }

    func state(_ position: Position) -> State { states[position.row][position.column] }

    func value(_ position: Position) -> Int { values[position.row][position.column] }

    /// The shown non-zero cell among `candidates` to hide next: one that `preferred` accepts
    /// if any, then the smallest, then the first.
    func cheapest(_ candidates: [Position], preferred: (Position) -> Bool = { _ in false }) -> Position? {
        let shown = candidates.filter { state($0) == .shown && value($0) > 0 }
        let ranked = shown.enumerated().min { lhs, rhs in
            let left = (preferred(lhs.element) ? 0 : 1, value(lhs.element), lhs.offset)
            let right = (preferred(rhs.element) ? 0 : 1, value(rhs.element), rhs.offset)
            return left < right
        }
        return ranked?.element
    }

    /// Hides `position` as a complementary cell.
    mutating func hide(_ position: Position) {
        states[position.row][position.column] = .complementary
    }

    /// The published cell at `position`.
    func published(_ position: Position) -> SuppressedCell {
        switch state(position) {
        case .shown, .free: return .shown(value(position))
        case .primary: return .suppressed(primary: true)
        case .complementary: return .suppressed(primary: false)
        }
    }
}
