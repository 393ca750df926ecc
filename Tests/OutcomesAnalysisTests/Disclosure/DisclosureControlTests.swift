import Testing
import OutcomesTestSupport
@testable import OutcomesAnalysis

/// Disclosure control (issue 8, item 1): primary and complementary suppression of one output,
/// checked by attack: the linear-programming audit and an independent brute-force attacker
/// must both find every "<11" cell still anywhere from 1 to 10.
@Suite("Disclosure control: suppression that an attack cannot undo")
struct DisclosureControlTests {
    @Test func theLinearProgramFindsBoundsAndTellsInfeasibleFromUnbounded() {
        // x + y = 5, x, y >= 0: x from 0 to 5
        let program = LinearProgram(equations: [[1, 1]], rightHandSides: [5])
        #expect(program.minimum(of: [1, 0]) == .optimal(0))
        #expect(program.minimum(of: [-1, 0]) == .optimal(-5))
        // x + y = -1 has no non-negative solution; x - y = 0 lets x grow without end
        #expect(LinearProgram(equations: [[1, 1]], rightHandSides: [-1]).minimum(of: [1, 0]) == .infeasible)
        #expect(LinearProgram(equations: [[1, -1]], rightHandSides: [0]).minimum(of: [-1, 0]) == .unbounded)
    }

    @Test func noPairBesidePairsAndDischargesWithholdsBoth() {
        // PHQ-9: 15 discharges = 14 pairs + 1 without a pair. Hiding only "no pair" leaves 15 - 14 = 1;
        // hiding pairs too leaves no pair = 15 - pairs with pairs >= 11: 1 to 4. Hiding the
        // discharges instead (11 or more, no upper limit) leaves no pair = discharges - 14:
        // anywhere from 1 to 10, with one count withheld rather than two.
        var output = DisclosureOutput()
        let discharges = output.cell("outcomes.PHQ-9.discharges", value: 15)
        let pairs = output.cell("outcomes.PHQ-9.pairs", value: 14)
        let noPair = output.cell("outcomes.PHQ-9.no_pair", value: 1)
        output.relate(total: discharges, parts: [pairs, noPair])
        #expect(DisclosureAudit.bounds(output, marks: [.shown, .shown, .primary])[noPair]
                == DisclosureAudit.Bounds(low: 1, high: 1))
        #expect(DisclosureAudit.bounds(output, marks: [.shown, .complementary, .primary])[noPair]
                == DisclosureAudit.Bounds(low: 1, high: 4))

        let decision = DisclosureControl.protect(output)
        #expect(decision.marks == [.complementary, .shown, .primary])
        #expect(decision.isProtected)
        #expect(decision.bounds[noPair] == DisclosureAudit.Bounds(low: 1, high: 10))
        #expect(decision.marks.map(\.label) == ["suppressed", nil, "<11"])
    }

    @Test func scoredPairsAndNoPairWithholdOnlyThePairs() {
        // PCL-5: 31 scored = 28 pairs + 3 no pair. With pairs "suppressed" (>= 11), no pair is
        // 31 - pairs <= 20, so anywhere from 1 to 10: the 31 can stay.
        var output = DisclosureOutput()
        let scored = output.cell("scored", value: 31)
        let pairs = output.cell("pairs", value: 28)
        let noPair = output.cell("no_pair", value: 3)
        output.relate(total: scored, parts: [pairs, noPair])
        let decision = DisclosureControl.protect(output)
        #expect(decision.marks == [.shown, .complementary, .primary])
        #expect(decision.bounds[noPair] == DisclosureAudit.Bounds(low: 1, high: 10))
        #expect(decision.bounds[pairs] == DisclosureAudit.Bounds(low: 21, high: 30))  // 31 - (1...10)
    }

    @Test func aReasonListWithZerosWithholdsTheLargestPartNotTheZeros() {
        // 30 discharges: completed 25, ama 5, six other reasons 0. Shown zeros and 30 give
        // ama = 30 - 25; with completed withheld (>= 11), ama = 30 - completed <= 19: 1 to 10.
        var output = DisclosureOutput()
        let total = output.cell("discharges", value: 30)
        let reasons = [("completed", 25), ("ama", 5), ("step_up", 0), ("step_down", 0), ("lost_to_contact", 0),
                       ("administrative", 0), ("transferred", 0), ("other", 0)]
        let parts = reasons.map { output.cell($0.0, value: $0.1) }
        output.relate(total: total, parts: parts)
        let decision = DisclosureControl.protect(output)
        #expect(decision.isProtected)
        #expect(decision.marks[total] == .shown)
        #expect(decision.marks[parts[0]] == .complementary && decision.marks[parts[1]] == .primary)
        #expect(parts.dropFirst(2).allSatisfy { decision.marks[$0] == .shown })
    }

    @Test func aTotalNoTableShowsNeedsNoProtectionAndHidesNothing() {
        // 12 = 5 + 7, total not printed: each part is 1 to 10 for the reader already
        var output = DisclosureOutput()
        let total = output.cell("total", value: 12, isDisplayed: false)
        let a = output.cell("a", value: 5)
        let b = output.cell("b", value: 7)
        output.relate(total: total, parts: [a, b])
        let decision = DisclosureControl.protect(output)
        #expect(decision.marks == [.notDisplayed, .primary, .primary])
        #expect(decision.bounds[a] == DisclosureAudit.Bounds(low: 1, high: 10))
        #expect(decision.isProtected)
    }

    @Test func smallCountsAloneCannotBeProtectedAndSaySo() {
        // 8 = 5 + 3: all three are "<11"; a + b = T with T at most 10 leaves a at most 9, and T
        // at least 2; there is no count of 11 or more to withhold, so the caller must withhold
        // the output.
        var output = DisclosureOutput()
        let total = output.cell("total", value: 8)
        let parts = [output.cell("a", value: 5), output.cell("b", value: 3)]
        output.relate(total: total, parts: parts)
        let decision = DisclosureControl.protect(output)
        #expect(!decision.isProtected)
        #expect(decision.exposed == [total] + parts)
        #expect(decision.bounds[parts[0]] == DisclosureAudit.Bounds(low: 1, high: 9))
    }

    @Test func aCrossTableIsProtectedInBothDimensions() {
        // program x reason with row, column and grand totals: sud 3 + 20 = 23, mh 15 + 30 = 45;
        // columns 18 and 50; 68 in all. The 3 must stay 1 to 10 given every margin.
        var output = DisclosureOutput()
        let body = [[3, 20], [15, 30]]
        let cells = body.enumerated().map { row, values in
            values.enumerated().map { output.cell("r\(row)c\($0)", value: $1) }
        }
        let rows = body.indices.map { output.cell("r\($0)", value: body[$0].reduce(0, +)) }
        let columns = (0..<2).map { column in output.cell("c\(column)", value: body.reduce(0) { $0 + $1[column] }) }
        let grand = output.cell("all", value: 68)
        for row in 0..<2 { output.relate(total: rows[row], parts: cells[row]) }
        for column in 0..<2 { output.relate(total: columns[column], parts: cells.map { $0[column] }) }
        output.relate(total: grand, parts: rows)
        output.relate(total: grand, parts: columns)
        let decision = DisclosureControl.protect(output)
        #expect(decision.isProtected)
        #expect(decision.bounds[cells[0][0]] == DisclosureAudit.Bounds(low: 1, high: 10))
        // Every "suppressed" figure tells the reader 11 or more, so the 15 and 30 beside the 3 go too,
        // and with them the margins they would give back; the grand total stays.
        #expect(decision.marks[grand] == .shown)
    }

    @Test("seeded random tables: the audit equals a brute-force attack, and every decision protects", arguments: 0..<40)
    func randomTablesWithstandAttack(seed: Int) {
        // A total over three parts, each 0 to 14 (so some are small), total shown or not.
        var generator = SplitMix64(seed: UInt64(seed) &+ 20_261_130)
        var output = DisclosureOutput()
        let values = (0..<3).map { _ in Int(generator.next() % 15) }
        let total = output.cell("total", value: values.reduce(0, +), isDisplayed: generator.next() % 4 != 0)
        let parts = values.enumerated().map { output.cell("p\($0)", value: $1) }
        output.relate(total: total, parts: parts)
        let decision = DisclosureControl.protect(output)
        let attacked = BruteForceAttack.bounds(output, marks: decision.marks, cap: 45)
        for cell in output.cells.indices where decision.marks[cell].isWithheld {
            #expect(attacked[cell]?.lowerBound == decision.bounds[cell]?.low, "\(values) cell \(cell)")
            if let high = decision.bounds[cell]?.high {  // (unbounded: the attacker stops at its cap)
                #expect(attacked[cell]?.upperBound == high, "\(values) cell \(cell)")
            }
        }
        if decision.isProtected {
            for cell in output.cells.indices where decision.marks[cell] == .primary {
                #expect(attacked[cell] == 1...10, "\(values): cell \(cell) narrowed to \(String(describing: attacked[cell]))")
            }
        } else {
            // Only when no count of 11 or more is left to withhold
            #expect(!decision.exposed.isEmpty)
        }
    }
}
