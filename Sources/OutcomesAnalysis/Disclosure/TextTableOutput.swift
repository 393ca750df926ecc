/// A table of text rows (`analyze --table NAME --suppress`) as one disclosure-control output:
/// each count printed in a cell is a cell of the output, and the table's relations are added
/// by whoever knows them (a list and its unprinted total, a row's part and its whole).
struct TextTableOutput {
    /// A printed cell of the table.
    struct Position: Hashable {
        var row: Int
        var column: Int
    }

    private(set) var rows: [[String]]
    private(set) var output = DisclosureOutput()
    private var cellOfPosition: [Position: Int] = [:]

    init(_ rows: [[String]]) { self.rows = rows }

    /// The count printed at `row`, `column` (a blank or text reads as 0).
    func value(_ row: Int, _ column: Int) -> Int { Int(rows[row][column]) ?? 0 }

    /// The output cell of the count printed at `row`, `column`.
    mutating func cell(_ row: Int, _ column: Int) -> Int {
        let position = Position(row: row, column: column)
        if let cell = cellOfPosition[position] { return cell }
        let cell = output.cell("row \(row + 1) column \(column + 1)", value: value(row, column))
        cellOfPosition[position] = cell
        return cell
    }

    /// A count the table does not print (a total), which the relations need.
    mutating func unprinted(_ name: String, value: Int) -> Int {
        output.cell(name, value: value, isDisplayed: false)
    }

    /// `total = sum of parts` as the reader knows it, with an unprinted remainder when the
    /// parts fall short of the total (cases no part counts); no relation when they exceed it.
    mutating func relate(total: Int, parts: [Int]) {
        relate(total, parts, restAlways: false)
    }

    /// `parts` counted within `whole`, with the rest unprinted even when it is 0: the reader
    /// does not know that nothing else is in the whole (sessions not attended, censorings
    /// between event days).
    mutating func relate(whole: Int, parts: [Int]) {
        relate(whole, parts, restAlways: true)
    }

    private mutating func relate(_ total: Int, _ parts: [Int], restAlways: Bool) {
        let remainder = output.cells[total].value - parts.reduce(0) { $0 + output.cells[$1].value }
        guard remainder >= 0 else { return }
        let rest = remainder > 0 || restAlways ? [unprinted("rest of \(output.cells[total].name)", value: remainder)] : []
        output.relate(total: total, parts: parts + rest)
    }

    /// `parts` with their unprinted total, whose cell it returns.
    @discardableResult
    mutating func relate(list parts: [Int], named name: String) -> Int {
        let total = unprinted("total of \(name)", value: parts.reduce(0) { $0 + output.cells[$1].value })
        relate(total: total, parts: parts)
        return total
    }

    /// The rows with every withheld count replaced by its mark's text, the positions withheld,
    /// and the decision of disclosure control (with the audit's bounds).
    func protected() -> (rows: [[String]], withheld: Set<Position>, decision: DisclosureControl.Decision) {
        let decision = DisclosureControl.protect(output)
        var rows = self.rows
        var withheld: Set<Position> = []
        for (position, cell) in cellOfPosition {
            guard let label = decision.marks[cell].label else { continue }
            rows[position.row][position.column] = label
            withheld.insert(position)
        }
        return (rows, withheld, decision)
    }
}
