@testable import OutcomesAnalysis

/// An attacker independent of the linear programs: tries every whole-number value of the cells
/// a reader does not see (up to `cap`), keeps the assignments that satisfy every relation and
/// every mark ("<11" is 1 to 10, "suppressed" 11 or more), and reports each withheld cell's
/// least and greatest value. Only for outputs with a handful of unknown cells.
enum BruteForceAttack {
    static func bounds(_ output: DisclosureOutput, marks: [DisclosureMark], cap: Int) -> [Int: ClosedRange<Int>] {
        let unknown = output.cells.indices.filter { marks[$0] != .shown }
        var values = output.cells.map(\.value)
        var seen: [Int: ClosedRange<Int>] = [:]
        let relationsDone: [[Int]] = unknown.indices.map { step in
            // Relations whose last unknown cell is assigned at this step.
            output.relations.indices.filter { number in
                let positions = output.relations[number].cells.compactMap { unknown.firstIndex(of: $0) }
                return positions.max() == step
            }
        }
        func holds(_ relation: DisclosureOutput.Relation) -> Bool {
            zip(relation.cells, relation.coefficients).reduce(0) { $0 + values[$1.0] * $1.1 } == 0
        }
        func assign(_ step: Int) {
            if step == unknown.count {
                guard output.relations.allSatisfy(holds) else { return }
                for cell in unknown where marks[cell].isWithheld {
                    let value = values[cell]
                    seen[cell] = seen[cell].map { min($0.lowerBound, value)...max($0.upperBound, value) } ?? value...value
                }
                return
            }
            let cell = unknown[step]
            let range = marks[cell].knownRange
            for value in range.low...min(range.high ?? cap, cap) {
                values[cell] = value
                if relationsDone[step].allSatisfy({ holds(output.relations[$0]) }) { assign(step + 1) }
            }
        }
        assign(0)
        return seen
    }
}
