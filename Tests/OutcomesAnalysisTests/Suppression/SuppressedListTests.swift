import Testing
@testable import OutcomesAnalysis

@Suite("Small-cell suppression of a list")
struct SuppressedListTests {
    private let hiddenP = SuppressedCell.suppressed(primary: true)
    private let hiddenC = SuppressedCell.suppressed(primary: false)

    @Test("a lone small count takes the smallest other non-zero count with it")
    func complementary() {
        // Given 3, 20, 15 with total 38
        let list = SmallCellSuppression.suppress([3, 20, 15])
        // Then 3 is hidden (1-10); alone it would be 38 - 20 - 15, so 15 (smaller than 20 and 38) is hidden too
        #expect(list.cells == [hiddenP, .shown(20), hiddenC])
        #expect(list.total == .shown(38))
    }

    @Test("zeros and counts of 11 or more stay visible")
    func zerosShown() {
        // Given 0, 25, 0, 11 with total 36
        let list = SmallCellSuppression.suppress([0, 25, 0, 11])
        // Then nothing is 1-10
        #expect(list.cells == [.shown(0), .shown(25), .shown(0), .shown(11)])
        #expect(list.total == .shown(36))
    }

    @Test("without a displayed total no complementary cell is needed")
    func noTotal() {
        // Given 3, 20 and no total: nothing to subtract from
        let list = SmallCellSuppression.suppress([3, 20], showingTotal: false)
        #expect(list.cells == [hiddenP, .shown(20)])
        #expect(list.total == nil)
    }

    @Test("a row whose only other non-zero count is also small hides its total too")
    func allSmall() {
        // Given 4, 0, 6 with total 10: every non-zero figure is 1-10
        let list = SmallCellSuppression.suppress([4, 0, 6])
        #expect(list.cells == [hiddenP, .shown(0), hiddenP])
        #expect(list.total == hiddenP)
    }

    @Test("a single small count equals the total, and both are hidden")
    func singleCountRow() {
        // Given 0, 7, 0 with total 7
        let list = SmallCellSuppression.suppress([0, 7, 0])
        #expect(list.cells == [.shown(0), hiddenP, .shown(0)])
        #expect(list.total == hiddenP)
    }

    @Test("two hidden ones are protected by a third cell")
    func twoOnes() {
        // Given 1, 1, 20 with total 22: two hidden counts summing to 2 must both be 1
        // (a hidden count is never 0), so 20 is hidden as well
        let list = SmallCellSuppression.suppress([1, 1, 20])
        #expect(list.cells == [hiddenP, hiddenP, hiddenC])
        #expect(list.total == .shown(22))
    }

    @Test("hidden counts print as <11")
    func displayText() {
        #expect(hiddenP.displayText == "<11")
        #expect(hiddenC.displayText == "<11")
        #expect(SuppressedCell.shown(0).displayText == "0")
        #expect(SuppressedCell.shown(42).displayText == "42")
    }
}
