extension DetailTable {
    /// The rows for people outside the program: counts of 1 to 10 read "<11", with
    /// complementary cells so that none can be recovered from the column's total or the other
    /// rows; figures derived from a hidden count (means, survival) are blanked.
    public func suppressed(_ rows: [[String]]) -> [[String]] {
        var table = SuppressedRows(rows)
        switch self {
        case .dischargeReasons:
            table.suppressList(column: 1, rows: Array(rows.indices))
        case .sessionMix:
            for group in ["type", "modality"] {
                let members = rows.indices.filter { rows[$0][0] == group }
                table.suppressList(column: 2, rows: members)
                table.suppressList(column: 3, rows: members)
            }
        case .severityShift:
            table.suppressSquare(column: 2)
        case .retention:
            // A step with fewer than 11 at risk would let events and censorings be read off.
            for index in rows.indices where SmallCellSuppression.hiddenCounts.contains(Int(rows[index][1]) ?? 0) {
                for column in 1...3 { table.hide(index, column) }
                for column in 4...6 { table.blank(index, column) }
            }
        case .goalsByDomain:
            table.suppressList(column: 1, rows: Array(rows.indices))
            table.suppressWithinRows(part: 3, of: 1)
            for index in rows.indices where table.isHidden(index, 1) { table.blank(index, 2) }
        case .equity:
            let overall = rows.count - 1
            for dimension in Set(rows.dropLast().map { $0[0] }) {
                let members = rows.indices.filter { $0 < overall && rows[$0][0] == dimension }
                for column in 2..<rows[overall].count { table.suppressList(column: column, rows: members, totalRow: overall) }
            }
        }
        return table.rows
    }
}

/// Rows of text whose count cells can be hidden ("<11") or blanked.
struct SuppressedRows {
    private(set) var rows: [[String]]

    init(_ rows: [[String]]) { self.rows = rows }

    func count(_ row: Int, _ column: Int) -> Int { Int(rows[row][column]) ?? 0 }
    func isHidden(_ row: Int, _ column: Int) -> Bool { rows[row][column] == SuppressedCell.suppressedText }
    mutating func hide(_ row: Int, _ column: Int) { rows[row][column] = SuppressedCell.suppressedText }
    mutating func blank(_ row: Int, _ column: Int) { rows[row][column] = "" }

    /// One column of `members` as a list whose total is their sum (or the `totalRow`'s figure).
    mutating func suppressList(column: Int, rows members: [Int], totalRow: Int? = nil) {
        let counts = members.map { count($0, column) }
        let total = totalRow.map { count($0, column) } ?? counts.reduce(0, +)
        let flags = SmallCellSuppression.hiddenFlags(counts: counts, total: total)
        for (member, flag) in zip(members, flags) where flag { hide(member, column) }
        if let totalRow, flags.last == true { hide(totalRow, column) }
    }

    /// A count within each row's `of` count: hidden when it, or the rest of the row, is 1 to 10.
    mutating func suppressWithinRows(part: Int, of whole: Int) {
        for index in rows.indices {
            let rest = count(index, whole) - count(index, part)
            if isHidden(index, whole) || SmallCellSuppression.hiddenCounts.contains(count(index, part))
                || SmallCellSuppression.hiddenCounts.contains(rest) {
                hide(index, part)
            }
        }
    }

    /// Rows listing every (row label, column label) pair of a square table, in row-major order,
    /// with its count in `column`: suppressed as a two-way table with all totals shown.
    mutating func suppressSquare(column: Int) {
        let side = Int(Double(rows.count).squareRoot())
        guard side * side == rows.count, side > 0 else { return }
        let matrix = (0..<side).map { row in (0..<side).map { count(row * side + $0, column) } }
        let suppressed = SmallCellSuppression.suppress(matrix, totals: .all)
        for row in 0..<side {
            for cell in 0..<side where suppressed.cells[row][cell].isSuppressed { hide(row * side + cell, column) }
        }
    }
}
