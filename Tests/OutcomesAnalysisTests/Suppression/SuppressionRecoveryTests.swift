import Testing
@testable import OutcomesAnalysis

/// Brute force: no hidden count can be pinned down from what a suppressed table shows.
@Suite("Suppressed counts cannot be recovered")
struct SuppressionRecoveryTests {
    static let tables: [[[Int]]] = [
        [[3, 20, 15], [12, 14, 18], [25, 11, 30]],
        [[0, 7], [20, 30]],
        [[2, 3, 4], [20, 30, 40]],
        [[1, 1, 20], [15, 12, 30]],
        [[5, 0, 0], [0, 12, 0], [0, 0, 13]],
        [[0, 3, 0], [2, 0, 25], [14, 16, 0]],
        [[4, 40], [30, 6]],
    ]

    @Test("with row, column and grand totals, against non-negative completions", arguments: tables)
    func allTotals(counts: [[Int]]) {
        // Given a table and its suppression
        let table = SmallCellSuppression.suppress(counts)
        // When every table of counts >= 0 agreeing with the shown figures is enumerated
        // Then every hidden count takes at least two values
        #expect(CompletionSearch(table).recoveredCounts().isEmpty)
    }

    @Test("also when the reader knows a hidden count is never 0", arguments: tables)
    func knowingHiddenIsNonZero(counts: [[Int]]) {
        let table = SmallCellSuppression.suppress(counts)
        #expect(CompletionSearch(table, minimum: 1).recoveredCounts().isEmpty)
    }

    @Test("with some totals left out", arguments: [DisplayedTotals.rows, .columns, [.rows, .grand], .grand])
    func partialTotals(totals: DisplayedTotals) {
        for counts in Self.tables {
            let table = SmallCellSuppression.suppress(counts, totals: totals)
            #expect(CompletionSearch(table).recoveredCounts().isEmpty, "\(counts)")
        }
    }

    @Test("pseudo-random 3 x 3 tables of small counts")
    func randomTables() {
        // Given 30 tables of counts 0-15 from a fixed linear congruential sequence
        var state: UInt32 = 2026
        func next() -> Int {
            state = state &* 1_103_515_245 &+ 12345
            return Int((state >> 16) % 16)
        }
        for _ in 0..<30 {
            let counts = (0..<3).map { _ in (0..<3).map { _ in next() } }
            // When suppressed with every total shown
            let table = SmallCellSuppression.suppress(counts)
            // Then no hidden count is determined
            #expect(CompletionSearch(table).recoveredCounts().isEmpty, "\(counts)")
        }
    }

    @Test("the search itself finds a lone hidden cell")
    func searchDetectsDisclosure() {
        // Given a table published with only primary suppression: 3 = 38 - 20 - 15
        let naive = SuppressedTable(
            cells: [[.suppressed(primary: true), .shown(20), .shown(15)]],
            rowTotals: [.shown(38)], columnTotals: nil, grandTotal: nil
        )
        #expect(CompletionSearch(naive).recoveredCounts() == ["cell 0,0"])
    }
}
