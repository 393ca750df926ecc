import Testing
@testable import OutcomesAnalysis

@Suite("Small-cell suppression of a two-way table")
struct SuppressedTableTests {
    private let hiddenP = SuppressedCell.suppressed(primary: true)
    private let hiddenC = SuppressedCell.suppressed(primary: false)

    @Test("a small cell is protected in its row and column")
    func complementaryCells() {
        // Given          total
        //   3  20  15  |  38
        //  12  14  18  |  44
        //  25  11  30  |  66
        //  40  45  63  | 148
        let table = SmallCellSuppression.suppress([[3, 20, 15], [12, 14, 18], [25, 11, 30]])
        // Then 3 is hidden; row 0 hides its smallest other count, 15;
        // column 0 hides 12 (smaller than 25 and 40); row 1 now has one hidden cell and
        // hides 18, whose column also had one hidden cell (15), rather than 14
        #expect(table.cells == [
            [hiddenP, .shown(20), hiddenC],
            [hiddenC, .shown(14), hiddenC],
            [.shown(25), .shown(11), .shown(30)],
        ])
        #expect(table.rowTotals == [.shown(38), .shown(44), .shown(66)])
        #expect(table.columnTotals == [.shown(40), .shown(45), .shown(63)])
        #expect(table.grandTotal == .shown(148))
    }

    @Test("a small row total is hidden and protected in the totals column")
    func hiddenTotal() {
        // Given        total
        //   0   7  |   7
        //  20  30  |  50
        //  20  37  |  57
        let table = SmallCellSuppression.suppress([[0, 7], [20, 30]])
        // Then 7 and its row total 7 are hidden; column 1 hides 30 (smaller than 37);
        // row 1 then hides 50, which also protects the row total 7 in the totals column
        #expect(table.cells == [[.shown(0), hiddenP], [.shown(20), hiddenC]])
        #expect(table.rowTotals == [hiddenP, hiddenC])
        #expect(table.columnTotals == [.shown(20), .shown(37)])
        #expect(table.grandTotal == .shown(57))
    }

    @Test("an all-small row is protected by a whole second row")
    func allSmallRow() {
        // Given          total
        //   2   3   4  |  9
        //  20  30  40  | 90
        //  22  33  44  | 99
        let table = SmallCellSuppression.suppress([[2, 3, 4], [20, 30, 40]])
        // Then row 0 and its total are hidden; each column needs a second hidden cell,
        // and the smallest is always in row 1, whose total then needs protecting too
        #expect(table.cells == [[hiddenP, hiddenP, hiddenP], [hiddenC, hiddenC, hiddenC]])
        #expect(table.rowTotals == [hiddenP, hiddenC])
        #expect(table.columnTotals == [.shown(22), .shown(33), .shown(44)])
        #expect(table.grandTotal == .shown(99))
    }

    @Test("a cell linking two protected blocks is protected too")
    func bridge() {
        // Given (totals 55, 55, 125, 169 | 126, 148, 42, 88 | 404)
        //   2   3  20  30
        //   4   5   6  40
        //  50  60   7   8
        //  70  80   9  10
        // every row and column has two or more hidden cells, but 6 links the block
        // {2, 3, 4, 5} to the block {7, 8, 9, 10}: rows 0-1 minus columns 0-1 isolate it
        // (55 + 55 - 30 - 20 - 40) - (126 - 120) - (148 - 140) = 6
        let table = SmallCellSuppression.suppress([[2, 3, 20, 30], [4, 5, 6, 40], [50, 60, 7, 8], [70, 80, 9, 10]])
        // Then the smallest cell joining the two blocks, 20, is hidden
        #expect(table.cells[0] == [hiddenP, hiddenP, hiddenC, .shown(30)])
        #expect(table.cells[1] == [hiddenP, hiddenP, hiddenP, .shown(40)])
        #expect(CompletionSearch(table).recoveredCounts().isEmpty)
    }

    @Test("only row totals displayed: rows are protected, columns need nothing")
    func rowTotalsOnly() {
        // Given 3, 20 / 30, 40 with row totals 23 and 70 only
        let table = SmallCellSuppression.suppress([[3, 20], [30, 40]], totals: [.rows])
        // Then row 0 hides 20 (smaller than 23); no column sum is published
        #expect(table.cells == [[hiddenP, hiddenC], [.shown(30), .shown(40)]])
        #expect(table.rowTotals == [.shown(23), .shown(70)])
        #expect(table.columnTotals == nil)
        #expect(table.grandTotal == nil)
    }

    @Test("an empty table stays empty")
    func empty() {
        let table = SmallCellSuppression.suppress([[Int]]())
        #expect(table.cells.isEmpty)
        #expect(table.grandTotal == .shown(0))
    }
}
