@testable import OutcomesAnalysis

/// A reader's brute-force attack on a published table: every table of whole counts, each at
/// least `minimum`, that agrees with the shown cells and totals, and the values each hidden
/// count takes across them. A hidden count is recovered when it takes a single value.
struct CompletionSearch {
    let body: [[Int?]]
    let rowTotals: [Int?]?
    let columnTotals: [Int?]?
    let grandTotal: Int?
    let grandTotalHidden: Bool
    let minimum: Int

    init(_ table: SuppressedTable, minimum: Int = 0) {
        body = table.cells.map { $0.map(\.shownCount) }
        rowTotals = table.rowTotals?.map(\.shownCount)
        columnTotals = table.columnTotals?.map(\.shownCount)
        grandTotal = table.grandTotal?.shownCount
        grandTotalHidden = table.grandTotal?.isSuppressed ?? false
        self.minimum = minimum
    }

    /// The names of hidden counts that every consistent completion agrees on
    /// ("cell r,c", "row total r", "column total c", "grand total").
    func recoveredCounts() -> [String] {
        var reference: [[Int]]?
        enumerate { reference = $0; return true }
        guard let reference else { return ["no consistent completion"] }
        let names = trackedValues(of: reference)
        // A hidden body cell: search for a completion that skips its reference value.
        let cells = hidden.indices.filter { item in
            var found = false
            enumerate(skipping: (item, names[item].1)) { _ in
                found = true
                return true
            }
            return !found
        }
        // A hidden total: enumerate until each has taken two values.
        var totals: [String: Set<Int>] = [:]
        for (name, value) in names[hidden.count...] { totals[name] = [value] }
        if !totals.isEmpty {
            enumerate { completion in
                for (name, value) in trackedValues(of: completion)[hidden.count...] { totals[name]?.insert(value) }
                return totals.values.allSatisfy { $0.count >= 2 }
            }
        }
        return cells.map { names[$0].0 } + totals.filter { $0.value.count < 2 }.map(\.key).sorted()
    }

    private var hidden: [(row: Int, column: Int)] {
        body.indices.flatMap { row in body[row].indices.filter { body[row][$0] == nil }.map { (row, $0) } }
    }

    private func trackedValues(of table: [[Int]]) -> [(String, Int)] {
        var values = hidden.map { ("cell \($0.row),\($0.column)", table[$0.row][$0.column]) }
        for (row, total) in (rowTotals ?? []).enumerated() where total == nil {
            values.append(("row total \(row)", table[row].reduce(0, +)))
        }
        for (column, total) in (columnTotals ?? []).enumerated() where total == nil {
            values.append(("column total \(column)", table.reduce(0) { $0 + $1[column] }))
        }
        if grandTotalHidden { values.append(("grand total", table.joined().reduce(0, +))) }
        return values
    }

    /// Calls `visit` with each consistent completion until it returns true.
    private func enumerate(skipping skip: (index: Int, value: Int)? = nil, _ visit: ([[Int]]) -> Bool) {
        var table = body.map { $0.map { $0 ?? 0 } }
        let cells = hidden
        let cap = upperBound()
        var stop = false
        func consistent() -> Bool {
            for (row, total) in (rowTotals ?? []).enumerated() {
                if let total, table[row].reduce(0, +) != total { return false }
            }
            for (column, total) in (columnTotals ?? []).enumerated() {
                if let total, table.reduce(0, { $0 + $1[column] }) != total { return false }
            }
            if let grandTotal, table.joined().reduce(0, +) != grandTotal { return false }
            return true
        }
        func overshoots(_ row: Int, _ column: Int) -> Bool {
            if let total = rowTotals?[row], table[row].reduce(0, +) > total { return true }
            if let total = columnTotals?[column], table.reduce(0, { $0 + $1[column] }) > total { return true }
            if let grandTotal, table.joined().reduce(0, +) > grandTotal { return true }
            return false
        }
        // The last hidden cell of a row or column with a displayed total is forced by it.
        func candidates(_ row: Int, _ column: Int, _ index: Int) -> [Int] {
            let later = cells[(index + 1)...]
            var forced: Set<Int> = []
            if let total = rowTotals?[row], !later.contains(where: { $0.row == row }) {
                forced.insert(total - table[row].enumerated().filter { $0.offset != column }.reduce(0) { $0 + $1.element })
            }
            if let total = columnTotals?[column], !later.contains(where: { $0.column == column }) {
                forced.insert(total - table.indices.filter { $0 != row }.reduce(0) { $0 + table[$1][column] })
            }
            if forced.count > 1 { return [] }
            if let value = forced.first { return value >= minimum ? [value] : [] }
            return Array(minimum...max(minimum, cap))
        }
        func assign(_ index: Int) {
            if stop { return }
            guard index < cells.count else {
                if consistent() { stop = visit(table) }
                return
            }
            let (row, column) = cells[index]
            for value in candidates(row, column, index) where skip?.index != index || skip?.value != value {
                table[row][column] = value
                if overshoots(row, column) { break }
                assign(index + 1)
                if stop { return }
            }
            table[row][column] = 0
        }
        assign(0)
    }

    /// The largest value tried for a hidden count: the largest displayed total, and at least 60
    /// (counts under no displayed total are unbounded; 60 stands in for "many values").
    private func upperBound() -> Int {
        let totals = (rowTotals ?? []) + (columnTotals ?? []) + [grandTotal]
        return max(60, totals.compactMap { $0 }.max() ?? 0)
    }
}
