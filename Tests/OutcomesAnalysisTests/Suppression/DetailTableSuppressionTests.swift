import Testing
@testable import OutcomesAnalysis

@Suite("Suppression of the tables reports show")
struct DetailTableSuppressionTests {
    @Test func aListHidesSmallCountsAndTheirComplement() {
        // Given 30 completed, 4 step-ups, 20 AMA (54 discharges): 4 is hidden; alone it would be
        // 54 - 30 - 20, so the smallest other non-zero count (20) is hidden too.
        let rows = [["completed", "30"], ["step_up", "4"], ["ama", "20"], ["other", "0"]]
        #expect(DetailTable.dischargeReasons.suppressed(rows).map { $0[1] } == ["30", "<11", "<11", "0"])
    }

    @Test func aSquareTableIsSuppressedAcrossRowsAndColumns() {
        // Given baseline x final bands [[20, 5], [15, 30]] with all totals shown: 5 is hidden; its
        // row (25) and column (35) would give it back, so one more cell in its row (20) and in its
        // column (30) is hidden, and then 15 closes the rectangle (row 45, column 35).
        let rows = [["a", "a", "20"], ["a", "b", "5"], ["b", "a", "15"], ["b", "b", "30"]]
        let hidden = DetailTable.severityShift.suppressed(rows).map { $0[2] == "<11" }
        #expect(hidden == [true, true, true, true])
    }

    @Test func aPartOfARowIsHiddenWhenItOrTheRestIsSmall() {
        // Given domains of 40 goals (35 met: the 5 not met are small) and 30 goals (12 met, 18 not).
        let rows = [["coping", "40", "0.5", "35"], ["safety", "30", "0.1", "12"]]
        let out = DetailTable.goalsByDomain.suppressed(rows)
        #expect(out[0][3] == "<11")
        #expect(out[1][3] == "12")
        #expect(out[0][1] == "40" && out[1][1] == "30")
    }

    @Test func equityStrataUseTheOverallRowAsTheirTotal() {
        // Given completions 3 and 40 in two groups and 43 overall: 3 is hidden, and 40 with it,
        // since 43 - 40 = 3.
        let rows = [["race", "A", "3"], ["race", "B", "40"], ["overall", "", "43"]]
        let out = DetailTable.equity.suppressed(rows)
        #expect(out.map { $0[2] } == ["<11", "<11", "43"])
    }

    @Test func retentionStepsWithFewAtRiskAreHidden() {
        let rows = [["10", "40", "1", "0", "0.975", "0.9", "0.99"], ["60", "8", "1", "2", "0.8", "0.6", "0.9"]]
        let out = DetailTable.retention.suppressed(rows)
        #expect(out[0] == rows[0])
        #expect(out[1] == ["60", "<11", "<11", "<11", "", "", ""])
    }
}
