/// Small-cell disclosure control of one output (SPEC section 6): counts of 1 to 10 are withheld
/// ("<11", primary suppression), then counts of 11 or more are withheld ("suppressed",
/// complementary suppression) until the audit finds every primary cell still anywhere from 1 to
/// 10 for a reader who knows everything else the output publishes. Zeros are shown: a zero is
/// not a small count, and with complementary cells of 11 or more it never pins a withheld one.
public enum DisclosureControl {
    /// The counts withheld as small (the one rule, `SmallCellSuppression.hiddenCounts`).
    public static let smallCounts = SmallCellSuppression.hiddenCounts

    /// What an output may print.
    public struct Decision: Sendable {
        /// One mark per cell of the output.
        public var marks: [DisclosureMark]
        /// The audit of the final marks: every withheld cell's bounds.
        public var bounds: [Int: DisclosureAudit.Bounds]
        /// False when no choice of complementary cells protects every small count: the caller
        /// must then withhold the output (or the part of it the exposed cells belong to).
        public var isProtected: Bool
        /// Primary cells the audit can still narrow (empty when protected).
        public var exposed: [Int]
    }

    /// Chooses the cells to withhold and audits the result. Cells that no chain of relations
    /// joins cannot give each other away, so each connected part of the output is protected
    /// alone (a trend's months, a report's unrelated tables): the work grows with the largest
    /// part, not with the whole output.
    public static func protect(_ output: DisclosureOutput) -> Decision {
        var decision = Decision(marks: initialMarks(output), bounds: [:], isProtected: true, exposed: [])
        for part in output.connectedParts() where part.cells.contains(where: { decision.marks[$0] == .primary }) {
            let local = protectConnected(part.output)
            for (index, cell) in part.cells.enumerated() { decision.marks[cell] = local.marks[index] }
            for (index, bounds) in local.bounds { decision.bounds[part.cells[index]] = bounds }
            decision.exposed += local.exposed.map { part.cells[$0] }
            decision.isProtected = decision.isProtected && local.isProtected
        }
        decision.exposed.sort()
        return decision
    }

    /// Counts of 1 to 10 primary, the rest shown (or not displayed).
    static func initialMarks(_ output: DisclosureOutput) -> [DisclosureMark] {
        output.cells.map { cell -> DisclosureMark in
            if !cell.isDisplayed { return .notDisplayed }
            return smallCounts.contains(cell.value) ? .primary : .shown
        }
    }

    /// Withholds complementary cells one at a time until the audit finds every primary cell
    /// protected, or no count of 11 or more is left that could protect the exposed ones.
    static func protectConnected(_ output: DisclosureOutput) -> Decision {
        var marks = initialMarks(output)
        let relationsOfCell = relationIndex(output)
        var solved: [DisclosureAudit.Group: [Int: DisclosureAudit.Bounds]] = [:]
        while true {
            let bounds = DisclosureAudit.bounds(output, marks: marks, reusing: &solved)
            let exposed = exposedCells(marks, bounds)
            guard !exposed.isEmpty else {
                return Decision(marks: marks, bounds: bounds, isProtected: true, exposed: [])
            }
            // The first exposed cell that a count of 11 or more can still protect
            guard let hide = exposed.lazy.compactMap({ complement(for: $0, output, marks, relationsOfCell) }).first else {
                return Decision(marks: marks, bounds: bounds, isProtected: false, exposed: exposed)
            }
            marks[hide] = .complementary
        }
    }

    /// Primary cells whose bounds are narrower than 1 to 10.
    static func exposedCells(_ marks: [DisclosureMark], _ bounds: [Int: DisclosureAudit.Bounds]) -> [Int] {
        marks.indices.filter { cell in
            guard marks[cell] == .primary, let bound = bounds[cell] else { return false }
            return bound.low > smallCounts.lowerBound || (bound.high ?? Int.max) < smallCounts.upperBound
        }
    }

    /// How many candidate complements are tried for one exposed cell.
    static let candidatesTried = 8

    /// The shown count of 11 or more to withhold next for `cell`: of the nearest candidates
    /// reached through relations (crossing only cells the reader does not see), ranked nearest
    /// first, then a part before a total, then the one in fewest relations, then the smallest,
    /// the first whose withholding protects `cell`, else the one leaving it the widest range.
    static func complement(for cell: Int, _ output: DisclosureOutput, _ marks: [DisclosureMark],
                           _ relationsOfCell: [[Int]]) -> Int? {
        let candidates = rankedCandidates(for: cell, output, marks, relationsOfCell).prefix(candidatesTried)
        var widest: (width: Int, cell: Int)?
        for candidate in candidates {
            var trial = marks
            trial[candidate] = .complementary
            let bounds = DisclosureAudit.bounds(of: cell, output, marks: trial)
            if exposedCells([.primary], [0: bounds]).isEmpty { return candidate }
            let width = (bounds.high ?? Int.max) - bounds.low
            if widest.map({ width > $0.width }) ?? true { widest = (width, candidate) }
        }
        return widest?.cell
    }

    /// Every shown count of 11 or more that relations connect to `cell`, best first.
    static func rankedCandidates(for cell: Int, _ output: DisclosureOutput, _ marks: [DisclosureMark],
                                 _ relationsOfCell: [[Int]]) -> [Int] {
        var visited: Set<Int> = [cell]
        var frontier = [cell]
        var ranked: [(rank: [Int], cell: Int)] = []
        var depth = 0
        while !frontier.isEmpty {
            depth += 1
            var next: [Int] = []
            for current in frontier {
                for relation in relationsOfCell[current] {
                    for other in output.relations[relation].cells where visited.insert(other).inserted {
                        guard marks[other] == .shown else { next.append(other); continue }
                        guard output.cells[other].value > smallCounts.upperBound else { continue }
                        let isTotal = relationsOfCell[other].contains { number in
                            let relation = output.relations[number]
                            return zip(relation.cells, relation.coefficients).contains { $0 == other && $1 < 0 }
                        }
                        ranked.append(([depth, isTotal ? 1 : 0, relationsOfCell[other].count, output.cells[other].value, other], other))
                    }
                }
            }
            frontier = next
        }
        return ranked.sorted { $0.rank.lexicographicallyPrecedes($1.rank) }.map(\.cell)
    }

    /// For each cell, the relations it appears in.
    static func relationIndex(_ output: DisclosureOutput) -> [[Int]] {
        var index = [[Int]](repeating: [], count: output.cells.count)
        for (number, relation) in output.relations.enumerated() {
            for cell in Set(relation.cells) { index[cell].append(number) }
        }
        return index
    }
}
