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

    /// Chooses the cells to withhold and audits the result.
    public static func protect(_ output: DisclosureOutput) -> Decision {
        var marks = output.cells.map { cell -> DisclosureMark in
            if !cell.isDisplayed { return .notDisplayed }
            return smallCounts.contains(cell.value) ? .primary : .shown
        }
        let relationsOfCell = relationIndex(output)
        var solved: [DisclosureAudit.Group: [Int: DisclosureAudit.Bounds]] = [:]
        var showsPinned = true
        while true {
            let bounds = DisclosureAudit.bounds(output, marks: marks, reusing: &solved)
            let exposed = exposedCells(marks, bounds)
            guard !exposed.isEmpty else {
                // A complementary cell the rest pins to one value protects nothing: showing it
                // publishes nothing new, so every bound stays as it is
                let pinned = marks.indices.filter { marks[$0] == .complementary && bounds[$0].map { $0.low == $0.high } == true }
                guard pinned.isEmpty || !showsPinned else {
                    for cell in pinned { marks[cell] = .shown }
                    showsPinned = false
                    continue
                }
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

    /// The shown count of 11 or more to withhold next for `cell`, reached through relations
    /// (crossing only cells the reader does not see): a part before a total, then the nearest,
    /// then the one in fewest relations, then the smallest, then the first.
    static func complement(for cell: Int, _ output: DisclosureOutput, _ marks: [DisclosureMark],
                           _ relationsOfCell: [[Int]]) -> Int? {
        var visited: Set<Int> = [cell]
        var frontier = [cell]
        var best: (rank: [Int], cell: Int)?
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
                        let rank = [isTotal ? 1 : 0, depth, relationsOfCell[other].count, output.cells[other].value, other]
                        if best.map({ rank.lexicographicallyPrecedes($0.rank) }) ?? true { best = (rank, other) }
                    }
                }
            }
            frontier = next
        }
        return best?.cell
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
