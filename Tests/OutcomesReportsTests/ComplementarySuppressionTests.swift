import Testing
@testable import OutcomesReports

@Suite("Complementary suppression of cohort figures in external reports")
struct ComplementarySuppressionTests {
    @Test func aSmallCohortTakesItsSmallestNeighbourWithIt() {
        // Given cohorts of 4, 30 and 25 pairs, 59 in all: 4 is hidden (1-10); hidden alone it
        // would be 59 - 30 - 25 = 4, so the smallest other cohort (25) is hidden too.
        let hidden = Privacy(external: true).hiddenCells(counts: [4, 30, 25], total: 59)
        #expect(hidden == [true, false, true, false])
    }

    @Test func internalReportsHideNothing() {
        #expect(Privacy(external: false).hiddenCells(counts: [4, 30, 25], total: 59) == [false, false, false, false])
    }

    @Test func aSmallTotalIsHiddenWithItsOnlyCohort() {
        // Given one cohort of 7 out of 7: both the cohort and the total are 1-10.
        #expect(Privacy(external: true).hiddenCells(counts: [7], total: 7) == [true, true])
    }
}
