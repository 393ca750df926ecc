import Testing
@testable import OutcomesAnalysis

@Suite("Anhøj rules")
struct AnhoejRulesTests {
    // Longest-run limit = round(log2(n) + 3); minimum crossings = smallest k with
    // P(Binomial(n - 1, 0.5) <= k) >= 0.05, from exact sums of C(n - 1, i) / 2^(n - 1):
    //   n = 1:  log2 1 + 3 = 3 -> 3;          Binomial(0): k = 0
    //   n = 2:  1 + 3 = 4 -> 4;               Binomial(1): P(0) = 0.5 -> 0
    //   n = 7:  2.807 + 3 = 5.807 -> 6;       Binomial(6): 1/64 = 0.016, 7/64 = 0.109 -> 1
    //   n = 10: 3.322 + 3 = 6.322 -> 6;       Binomial(9): 1, 10, 46 of 512 -> 46/512 = 0.090 -> 2
    //   n = 12: 3.585 + 3 = 6.585 -> 7;       Binomial(11): 1, 12, 67, 232 of 2048 -> 232/2048 = 0.113 -> 3
    //   n = 16: 4 + 3 = 7 -> 7;               Binomial(15): 1, 16, 121, 576, 1941 of 32768 -> 0.059 -> 4
    //   n = 20: 4.322 + 3 = 7.322 -> 7;       Binomial(19): cumulative to 5 = 16664/524288 = 0.032,
    //                                         to 6 = 43796/524288 = 0.084 -> 6
    //   n = 24: 4.585 + 3 = 7.585 -> 8;       Binomial(23): to 7 = 390656/8388608 = 0.047,
    //                                         to 8 = 880970/8388608 = 0.105 -> 8
    //   n = 30: 4.907 + 3 = 7.907 -> 8;       Binomial(29): to 9 = 16489546/2^29 = 0.031,
    //                                         to 10 = 36519556/2^29 = 0.068 -> 10
    //   n = 50: 5.644 + 3 = 8.644 -> 9;       Binomial(49): mean 24.5, sd 3.5; exact sums give 19
    //                                         (to 18: 0.0427, to 19: 0.0762)
    //   n = 100: 6.644 + 3 = 9.644 -> 10;     Binomial(99): mean 49.5, sd 4.97; exact sums give 41
    //                                         (to 40: 0.0350, to 41: 0.0537)
    // The brief's table gave 20 and 44 crossings for n = 50 and 100; the formula (and R) give 19 and 41.
    @Test("limits match round(log2(n) + 3) and qbinom(0.05, n - 1, 0.5)", arguments: [
        (1, 3, 0), (2, 4, 0), (7, 6, 1), (10, 6, 2), (12, 7, 3), (16, 7, 4),
        (20, 7, 6), (24, 8, 8), (30, 8, 10), (50, 9, 19), (100, 10, 41),
    ])
    func limits(n: Int, longestRun: Int, crossings: Int) {
        #expect(AnhoejRules.longestRunLimit(usefulCount: n) == longestRun)
        #expect(AnhoejRules.minimumCrossings(usefulCount: n) == crossings)
    }

    @Test("no useful points gives zero limits and no signal")
    func empty() {
        let result = AnhoejRules.analyse([], centre: 0)
        #expect(result.usefulCount == 0)
        #expect(result.longestRunLimit == 0)
        #expect(result.minimumCrossings == 0)
        #expect(!result.isSignal)
    }

    @Test("an unusually long run signals, skipping a point on the centre line")
    func longRun() {
        // Given 13 points around 0 with index 6 on the line
        let values: [Double?] = [-1, 1, -1, 1, 1, 1, 0, 1, 1, 1, 1, 1, -1]
        // When
        let result = AnhoejRules.analyse(values, centre: 0)
        // Then n = 12; runs: [-1] [1] [-1] [1 x 8: indices 3, 4, 5, 7, 8, 9, 10, 11] [-1]
        // longest 8 > round(log2 12 + 3) = 7; crossings 4 >= 3
        #expect(result.usefulCount == 12)
        #expect(result.longestRun == 8)
        #expect(result.longestRunLimit == 7)
        #expect(result.crossings == 4)
        #expect(result.minimumCrossings == 3)
        #expect(result.hasUnusuallyLongRun)
        #expect(!result.hasTooFewCrossings)
        #expect(result.signallingRunIndices == [3, 4, 5, 7, 8, 9, 10, 11])
    }

    @Test("too few crossings signal")
    func fewCrossings() {
        // Given five points above then five below
        let values: [Double?] = [1, 1, 1, 1, 1, -1, -1, -1, -1, -1]
        // When
        let result = AnhoejRules.analyse(values, centre: 0)
        // Then n = 10: 1 crossing < 2; longest run 5 <= 6
        #expect(result.crossings == 1)
        #expect(result.minimumCrossings == 2)
        #expect(result.hasTooFewCrossings)
        #expect(!result.hasUnusuallyLongRun)
        #expect(result.signallingRunIndices.isEmpty)
        #expect(result.isSignal)
    }

    @Test("gaps neither break nor extend a run")
    func gaps() {
        // Given above, gap, above, below
        let result = AnhoejRules.analyse([2, nil, 3, 0], centre: 1)
        // Then n = 3: runs [2, 3] [0] -> longest 2, 1 crossing
        #expect(result.usefulCount == 3)
        #expect(result.longestRun == 2)
        #expect(result.crossings == 1)
    }

    @Test("an alternating series does not signal")
    func random() {
        // Given ten alternating points: n = 10, 9 crossings, longest run 1
        let values: [Double?] = (0..<10).map { $0.isMultiple(of: 2) ? 1 : -1 }
        let result = AnhoejRules.analyse(values, centre: 0)
        #expect(result.crossings == 9)
        #expect(result.longestRun == 1)
        #expect(!result.isSignal)
    }
}
