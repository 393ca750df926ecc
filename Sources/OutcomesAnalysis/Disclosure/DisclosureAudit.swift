/// The attack disclosure control must withstand: for every withheld count of an output, the
/// least and greatest value consistent with everything the output publishes (the shown counts,
/// every relation between cells, and what the marks themselves say: "<11" is 1 to 10,
/// "suppressed" 11 or more, no count below 0).
///
/// The bounds are those of the linear relaxation, solved exactly for each withheld cell (a
/// linear program per bound over the cells its relations connect). For the relations this tool
/// publishes (lists and their totals, nested cohorts, two-way tables with their margins) the
/// relaxation's bounds are whole numbers and equal the integer bounds; for tables of three or
/// more dimensions with all their margins they can be wider than the integer bounds.
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
        var solved: [Group: [Int: Bounds]] = [:]
        return bounds(output, marks: marks, reusing: &solved)
    }

    /// The bounds of the one withheld `cell`, solving only the group of unknown cells it is in.
    static func bounds(of cell: Int, _ output: DisclosureOutput, marks: [DisclosureMark]) -> Bounds {
        let unknown = Set(output.cells.indices.filter { marks[$0] != .shown })
        let component = components(output, unknown: unknown).first { $0.contains(cell) } ?? [cell]
        return ComponentProgram(output, marks: marks, cells: component).bounds(of: cell)
    }

    /// One group of unknown cells with their marks: the same group gives the same bounds.
    struct Group: Hashable {
        var cells: [Int]
        var marks: [DisclosureMark]
    }

    /// `bounds(_:marks:)`, reusing the groups solved in earlier calls on the same output (a
    /// suppression loop withholds one cell at a time, which changes one group).
    static func bounds(_ output: DisclosureOutput, marks: [DisclosureMark], reusing solved: inout [Group: [Int: Bounds]])
        -> [Int: Bounds] {
        let unknown = output.cells.indices.filter { marks[$0] != .shown }
        var result: [Int: Bounds] = [:]
        for component in components(output, unknown: Set(unknown)) where component.contains(where: { marks[$0].isWithheld }) {
            let group = Group(cells: component, marks: component.map { marks[$0] })
            let groupBounds = solved[group] ?? {
                let program = ComponentProgram(output, marks: marks, cells: component)
                return Dictionary(uniqueKeysWithValues: component.filter { marks[$0].isWithheld }.map {
                    ($0, program.bounds(of: $0))
                })
            }()
            solved[group] = groupBounds
            result.merge(groupBounds) { first, _ in first }
        }
        return result
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
        for relation in output.relations where relation.cells.contains(where: { position[$0] != nil }) {
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
