/// The attack disclosure control must withstand: for every withheld count of an output, the
/// least and greatest value consistent with everything the output publishes (the shown counts,
/// every relation between cells, and what the marks themselves say: "<11" is 1 to 10,
/// "suppressed" 11 or more, no count below 0).
///
/// The bounds are those of the linear relaxation, solved exactly for each withheld cell (a
/// linear program per bound over the unknown cells its relations connect). For the relations
/// this tool publishes (lists and their totals, nested cohorts, two-way tables with their
/// margins) the relaxation's bounds are whole numbers and equal the integer bounds; for tables
/// of three or more dimensions with all their margins they can be wider than the integer bounds.
public enum DisclosureAudit {
    /// The values a reader can still believe a withheld count has.
    public struct Bounds: Hashable, Sendable, CustomStringConvertible {
        public var low: Int
        /// Nil when the relations set no upper limit.
        public var high: Int?

        public var description: String { "\(low)...\(high.map(String.init) ?? "∞")" }
    }

    /// The bounds of every withheld cell of `output` printed with `marks`, by cell index.
    public static func bounds(_ output: DisclosureOutput, marks: [DisclosureMark]) -> [Int: Bounds] {
        bounds(of: output.cells.indices.filter { marks[$0].isWithheld }, output, marks: marks)
    }

    /// The bounds of the withheld `cells`, by cell index: one linear program per group of
    /// unknown cells that holds any of them, one phase 1 for all its cells.
    static func bounds(of cells: [Int], _ output: DisclosureOutput, marks: [DisclosureMark]) -> [Int: Bounds] {
        let unknown = Set(output.cells.indices.filter { marks[$0] != .shown })
        let wanted = Set(cells)
        var result: [Int: Bounds] = [:]
        for component in components(output, unknown: unknown) where component.contains(where: wanted.contains) {
            let program = ComponentProgram(output, marks: marks, cells: component)
            for cell in component where wanted.contains(cell) { result[cell] = program.bounds(of: cell) }
        }
        return result
    }

    /// The most unknown cells `nearBounds(of:_:marks:)` takes.
    static let nearCellLimit = 48

    /// Bounds of `cell` solved over the `nearCellLimit` unknown cells nearest it, the farther
    /// ones held at their true values: never wider than a reader's (a cell they find protected
    /// is protected), and equal to them when the group of unknown cells is that small. Cheap
    /// enough to try candidate complements on a large output.
    static func nearBounds(of cell: Int, _ output: DisclosureOutput, marks: [DisclosureMark]) -> Bounds {
        ComponentProgram(output, marks: marks, cells: nearestUnknown(to: cell, output, marks)).bounds(of: cell)
    }

    /// Up to `nearCellLimit` unknown cells that relations join to `cell` through unknown cells,
    /// nearest first (`cell` itself first).
    static func nearestUnknown(to cell: Int, _ output: DisclosureOutput, _ marks: [DisclosureMark]) -> [Int] {
        var reached = [cell]
        var seen: Set<Int> = [cell]
        var next = 0
        while next < reached.count {
            for relation in output.relationsOfCell[reached[next]] {
                for other in output.relations[relation].cells where marks[other] != .shown && seen.insert(other).inserted {
                    guard reached.count < nearCellLimit else { return reached }
                    reached.append(other)
                }
            }
            next += 1
        }
        return reached
    }

    /// The unknown cells grouped by the relations that join them (each group is solved alone).
    static func components(_ output: DisclosureOutput, unknown: Set<Int>) -> [[Int]] {
        var parent = Dictionary(uniqueKeysWithValues: unknown.map { ($0, $0) })
        func root(_ cell: Int) -> Int {
            var cell = cell
            while let next = parent[cell], next != cell { cell = next }
            return cell
        }
        for relation in output.relations {
            let members = relation.cells.filter(unknown.contains)
            for member in members.dropFirst() { parent[root(member)] = root(members[0]) }
        }
        return Dictionary(grouping: unknown.sorted(), by: root).values.sorted { $0[0] < $1[0] }
    }
}

/// The linear program of one group of unknown cells: variables `y = x - low` (so `y >= 0`),
/// one equation per relation touching the group, and a slack equation per finite upper bound.
private struct ComponentProgram {
    let cells: [Int]
    let lows: [Int]
    let program: LinearProgram
    let variableCount: Int

    init(_ output: DisclosureOutput, marks: [DisclosureMark], cells: [Int]) {
        self.cells = cells
        let position = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })
        let ranges = cells.map { marks[$0].knownRange }
        lows = ranges.map(\.low)
        let bounded = ranges.indices.filter { ranges[$0].high != nil }
        variableCount = cells.count + bounded.count
        var equations: [[Double]] = []
        var rightHandSides: [Double] = []
        // The relations touching the group, in the output's order
        let touching = Set(cells.flatMap { output.relationsOfCell[$0] }).sorted()
        for relation in touching.map({ output.relations[$0] }) {
            var row = [Double](repeating: 0, count: variableCount)
            var constant = 0
            for (cell, coefficient) in zip(relation.cells, relation.coefficients) {
                if let variable = position[cell] {
                    row[variable] += Double(coefficient)
                    constant += coefficient * lows[variable]
                } else {
                    constant += coefficient * output.cells[cell].value
                }
            }
            equations.append(row)
            rightHandSides.append(Double(-constant))
        }
        for (slack, variable) in bounded.enumerated() {
            var row = [Double](repeating: 0, count: variableCount)
            row[variable] = 1
            row[cells.count + slack] = 1
            equations.append(row)
            rightHandSides.append(Double(ranges[variable].high! - ranges[variable].low))
        }
        program = LinearProgram(equations: equations, rightHandSides: rightHandSides)
    }

    func bounds(of cell: Int) -> DisclosureAudit.Bounds {
        let variable = cells.firstIndex(of: cell)!
        var objective = [Double](repeating: 0, count: variableCount)
        objective[variable] = 1
        let least = program.minimum(of: objective)
        objective[variable] = -1
        let most = program.minimum(of: objective)
        let low: Int = if case .optimal(let value) = least { lows[variable] + Int((value - 1e-6).rounded(.up)) }
            else { lows[variable] }
        let high: Int? = if case .optimal(let value) = most { lows[variable] + Int((-value + 1e-6).rounded(.down)) }
            else { nil }
        return DisclosureAudit.Bounds(low: low, high: high)
    }
}
