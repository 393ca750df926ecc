import Testing
@testable import iop_outcomes

/// The progress bar's text, from bytes done, total and elapsed time (no clock in these tests).
@Suite("progress text")
struct ProgressTextTests {
    @Test("Issue 9.11: the progress bar shows the share of the file's bytes done, rows per second and time left")
    func aQuarterOfTheFileInTwoSeconds() {
        // Given 25,000,000 of 100,000,000 bytes read and 50,000 rows stored in 2 s
        let text = ProgressText.line(label: "sessions.csv", done: 25_000_000, total: 100_000_000, count: 50_000,
                                     unit: "rows", elapsed: 2)
        // Then: 25% (25e6 x 100 / 100e6), a bar of 5 of 20 (25e6 x 20 / 100e6), 50,000 / 2 = 25,000 rows/s,
        // and 2 s x (100e6 - 25e6) / 25e6 = 6 s left
        #expect(text == "sessions.csv  [#####...............]  25%  50,000 rows  25,000 rows/s  0:06 left")
    }

    @Test(arguments: [
        // 1 of 3 pages in 0.4 s: 33% (100 / 3 rounded down), bar 6 (20 / 3 rounded down), 1 / 0.4 = 2.5 -> 3 pages/s
        // (to nearest), 0.4 x 2 / 1 = 0.8 -> 1 s left (rounded up)
        (1, 3, 1, "pages", 0.4, "r  [######..............]  33%  1 pages  3 pages/s  0:01 left"),
        // 999 of 1,000 bytes, 1,234,567 rows in 3,700 s: 99% (never 100% before the end), 1,234,567 / 3,700
        // = 333.67 -> 334 rows/s, 3,700 x 1 / 999 = 3.7037 -> 4 s left
        (999, 1_000, 1_234_567, "rows", 3_700.0,
         "r  [###################.]  99%  1,234,567 rows  334 rows/s  0:04 left"),
        // 10 of 100 bytes in 500 s: 500 x 90 / 10 = 4,500 s = 1 h 15 min 0 s left; 7 / 500 = 0.014 -> 0 rows/s
        (10, 100, 7, "rows", 500.0, "r  [##..................]  10%  7 rows  0 rows/s  1:15:00 left"),
        // Nothing done yet: no rate, no time left
        (0, 100, 0, "rows", 1.0, "r  [....................]  0%  0 rows"),
        // All of it: 100% and nothing left
        (100, 100, 40, "rows", 2.0, "r  [####################]  100%  40 rows  20 rows/s  0:00 left"),
    ])
    func handComputedLines(done: Int, total: Int, count: Int, unit: String, elapsed: Double, expected: String) {
        #expect(ProgressText.line(label: "r", done: done, total: total, count: count, unit: unit, elapsed: elapsed)
                == expected)
    }

    @Test func thousandsAreGrouped() {
        #expect(ProgressText.grouped(0) == "0")
        #expect(ProgressText.grouped(999) == "999")
        #expect(ProgressText.grouped(1_000) == "1,000")
        #expect(ProgressText.grouped(12_345_678) == "12,345,678")
    }
}
