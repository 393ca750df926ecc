import Testing
@testable import OutcomesAnalysis

@Suite("Dataset positions of the store's episode numbers")
struct StoreNumberPositionsTests {
    @Test("a number finds its position; one between, below or beyond the numbers given finds none")
    func positions() {
        // Given episodes at positions 0, 1, 2 with store numbers 1,000,007, 1,000,003 and 1,000,004
        let positions = StoreNumberPositions([1_000_007, 1_000_003, 1_000_004])
        // Then each number finds its position
        #expect([1_000_007, 1_000_003, 1_000_004].map(positions.position) == [0, 1, 2])
        // and 1,000,005 (inside the range, not given), 1,000,002 (below), 1,000,008 (beyond), -1, 0
        // and the extremes of Int64 (no overflow) find none
        let absent: [Int64] = [1_000_005, 1_000_002, 1_000_008, -1, 0, .min, .max]
        #expect(absent.map(positions.position) == [Int32](repeating: -1, count: absent.count))
    }

    @Test("no numbers: every number finds none")
    func empty() {
        #expect([0, 1, -1].map(StoreNumberPositions().position) == [-1, -1, -1])
        #expect([0, 1].map(StoreNumberPositions([]).position) == [-1, -1])
    }
}
