extension SuppressionGrid {
    /// Hides one more cell so that the first recoverable hidden count (a bridge of the hidden
    /// cells' graph) lies on a cycle; returns false when no hidden count is recoverable.
    ///
    /// Removing the bridge splits its component into the side of its row and the side of its
    /// column. Hiding a shown cell that joins the two sides closes a cycle through it; when
    /// every such cell is 0, the smallest non-zero cell leaving the row's side joins another
    /// component, and the search repeats. Such a cell always exists: summing the equations of
    /// the row's side expresses the bridge as a signed sum of exactly those cells.
    mutating func hideForFirstBridge() -> Bool {
        for row in 0..<rowCount {
            for column in 0..<columnCount where states[row][column].isProtected {
                let bridge = Position(row: row, column: column)
                let rowSide = reachable(from: rowNode(row), without: bridge)
                if rowSide.contains(columnNode(column)) { continue }
                let columnSide = reachable(from: columnNode(column), without: bridge)
                let crossing = allPositions.filter {
                    $0 != bridge && rowSide.contains(rowNode($0.row)) != rowSide.contains(columnNode($0.column))
                }
                let closing = crossing.filter {
                    columnSide.contains(rowNode($0.row)) || columnSide.contains(columnNode($0.column))
                }
                if let position = cheapest(closing) ?? cheapest(crossing) {
                    hide(position)
                    return true
                }
            }
        }
        return false
    }

    private var allPositions: [Position] {
        (0..<rowCount).flatMap { row in (0..<columnCount).map { Position(row: row, column: $0) } }
    }

    private func rowNode(_ row: Int) -> Int { row }

    private func columnNode(_ column: Int) -> Int { rowCount + column }

    /// The row and column nodes joined to `start` by hidden cells other than `excluded`.
    private func reachable(from start: Int, without excluded: Position) -> Set<Int> {
        var seen: Set<Int> = [start]
        var queue = [start]
        while let node = queue.popLast() {
            let neighbours: [Int]
            if node < rowCount {
                neighbours = (0..<columnCount)
                    .filter { Position(row: node, column: $0) != excluded && states[node][$0].isHidden }
                    .map(columnNode)
            } else {
                let column = node - rowCount
                neighbours = (0..<rowCount)
                    .filter { Position(row: $0, column: column) != excluded && states[$0][column].isHidden }
                    .map(rowNode)
            }
            for next in neighbours where seen.insert(next).inserted {
                queue.append(next)
            }
        }
        return seen
    }
}
