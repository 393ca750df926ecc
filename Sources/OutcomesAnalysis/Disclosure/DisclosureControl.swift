import OutcomesCore

/// Small-cell disclosure control of one output (SPEC section 6): counts of 1 to 10 are withheld
/// ("<11", primary suppression), then counts of 11 or more are withheld ("suppressed",
/// complementary suppression) until the audit finds every primary cell still anywhere from 1 to
/// 10 for a reader who knows everything else the output publishes. Zeros are shown: a zero is
/// not a small count, and with complementary cells of 11 or more it never pins a withheld one.
public enum DisclosureControl {
    /// The counts withheld as small (SPEC section 6: 1 to 10; a zero is shown).
    public static let smallCounts = 1...10

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
    /// part, not with the whole output, and the parts are protected on all cores.
    public static func protect(_ output: DisclosureOutput) -> Decision {
        var decision = Decision(marks: initialMarks(output), bounds: [:], isProtected: true, exposed: [])
        let parts = output.connectedParts().filter { part in part.cells.contains { decision.marks[$0] == .primary } }
        let decisions = ParallelJobs.run(parts.map { part in { @Sendable in protectConnected(part.output) } })
        for (part, local) in zip(parts, decisions) {
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

    /// Withholds complementary cells until the audit finds every primary cell protected, or no
    /// count of 11 or more is left that could protect the exposed ones.
    ///
    /// Works in rounds: the audit solves the primary cells still exposed (one linear program
    /// for a whole group of unknown cells), then each exposed cell gets a complement, chosen by
    /// `nearBounds` trials, unless one chosen earlier in the round already protects it.
    /// Withholding one more cell only widens every other withheld cell's range (the value it
    /// had is one of those its new mark allows), so a cell found protected stays protected and
    /// is not solved again.
    static func protectConnected(_ output: DisclosureOutput) -> Decision {
        var marks = initialMarks(output)
        var pending = marks.indices.filter { marks[$0] == .primary }
        var unprotectable: [Int] = []
        while !pending.isEmpty {
            let bounds = DisclosureAudit.bounds(of: pending, output, marks: marks)
            pending = pending.filter { !isProtected(bounds[$0]!) }
            for cell in pending where !isProtected(DisclosureAudit.nearBounds(of: cell, output, marks: marks)) {
                if let hide = complement(for: cell, output, marks) {
                    marks[hide] = .complementary
                } else {
                    unprotectable.append(cell)
                }
            }
            pending.removeAll(where: unprotectable.contains)
        }
        // A cell found unprotectable may have been protected by a later round's complements
        let bounds = DisclosureAudit.bounds(output, marks: marks)
        let exposed = exposedCells(marks, bounds)
        let decision = Decision(marks: marks, bounds: bounds, isProtected: exposed.isEmpty, exposed: exposed)
        return showingPinnedComplements(decision, output)
    }

    /// `decision` with every complementary cell that the rest pins to one value shown: it
    /// protects nothing, and showing it publishes nothing new. Audited again; kept withheld if
    /// showing them exposes any more primary cells.
    static func showingPinnedComplements(_ decision: Decision, _ output: DisclosureOutput) -> Decision {
        let pinned = decision.marks.indices.filter { cell in
            decision.marks[cell] == .complementary && decision.bounds[cell].map { $0.low == $0.high } == true
        }
        guard !pinned.isEmpty else { return decision }
        var marks = decision.marks
        for cell in pinned { marks[cell] = .shown }
        let bounds = DisclosureAudit.bounds(output, marks: marks)
        let exposed = exposedCells(marks, bounds)
        guard exposed.count <= decision.exposed.count else { return decision }
        return Decision(marks: marks, bounds: bounds, isProtected: exposed.isEmpty, exposed: exposed)
    }

    /// Whether `bounds` leave a primary cell anywhere from 1 to 10.
    static func isProtected(_ bounds: DisclosureAudit.Bounds) -> Bool {
        bounds.low <= smallCounts.lowerBound && (bounds.high ?? Int.max) >= smallCounts.upperBound
    }

    /// Primary cells whose bounds are narrower than 1 to 10.
    static func exposedCells(_ marks: [DisclosureMark], _ bounds: [Int: DisclosureAudit.Bounds]) -> [Int] {
        marks.indices.filter { cell in
            guard marks[cell] == .primary, let bound = bounds[cell] else { return false }
            return !isProtected(bound)
        }
    }

    /// How many candidate complements are tried for one exposed cell.
    static let candidatesTried = 8

    /// The shown count of 11 or more to withhold next for `cell`: of the nearest candidates
    /// reached through relations (crossing only cells the reader does not see), ranked nearest
    /// first, then a part before a total, then the one in fewest relations, then the smallest,
    /// the first whose withholding protects `cell`, else the one leaving it the widest range.
    static func complement(for cell: Int, _ output: DisclosureOutput, _ marks: [DisclosureMark]) -> Int? {
        let candidates = rankedCandidates(for: cell, output, marks).prefix(candidatesTried)
        var widest: (width: Int, cell: Int)?
        for candidate in candidates {
            var trial = marks
            trial[candidate] = .complementary
            let bounds = DisclosureAudit.nearBounds(of: cell, output, marks: trial)
            if isProtected(bounds) { return candidate }
            let width = (bounds.high ?? Int.max) - bounds.low
            if widest.map({ width > $0.width }) ?? true { widest = (width, candidate) }
        }
        return widest?.cell
    }

    /// Every shown count of 11 or more that relations connect to `cell`, best first.
    static func rankedCandidates(for cell: Int, _ output: DisclosureOutput, _ marks: [DisclosureMark]) -> [Int] {
        let relationsOfCell = output.relationsOfCell
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
}
