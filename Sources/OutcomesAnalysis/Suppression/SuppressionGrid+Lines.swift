extension SuppressionGrid {
    /// Hides one more cell in the first row or column that gives a hidden count away on its
    /// own; returns false when none does.
    ///
    /// A line gives a count away when it has exactly one hidden cell (recoverable by
    /// subtraction), or when its hidden cells are all body cells of a line with a displayed
    /// total and are all 1 (their sum equals their number, and a hidden count is never 0
    /// because zeros are shown). The cell hidden is the smallest shown non-zero cell of the
    /// line, preferring one whose crossing row or column also has a single hidden cell, so
    /// that one cell mends two lines.
    mutating func hideForWeakestLine() -> Bool {
        for line in lines {
            let hidden = line.filter { state($0).isHidden }
            guard hidden.contains(where: { state($0).isProtected }) else { continue }
            if hidden.count == 1 || isAllOnes(line: line, hidden: hidden) {
                if let position = cheapest(line, preferred: { mendsCrossingLine($0, of: line) }) {
                    hide(position)
                    return true
                }
            }
        }
        return false
    }

    /// True when the row or column crossing `line` at `position` has exactly one hidden cell.
    private func mendsCrossingLine(_ position: Position, of line: [Position]) -> Bool {
        let isRow = line.first?.row == line.last?.row
        let crossing = isRow
            ? (0..<rowCount).map { states[$0][position.column] }
            : states[position.row]
        let hidden = crossing.filter(\.isHidden)
        return hidden.count == 1 && hidden.allSatisfy(\.isProtected)
    }

    private func isAllOnes(line: [Position], hidden: [Position]) -> Bool {
        guard let total = line.last, !hidden.contains(total),
              hidden.allSatisfy({ state($0) != .free })
        else { return false }
        return hidden.reduce(0) { $0 + value($1) } == hidden.count
    }
}
