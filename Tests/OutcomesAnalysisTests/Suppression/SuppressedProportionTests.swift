import Testing
@testable import OutcomesAnalysis

@Suite("Suppressed proportions")
struct SuppressedProportionTests {
    @Test("the rate is withheld when either count is 1 to 10", arguments: [
        // (numerator, denominator, suppressed)
        (5, 40, true),
        (12, 8, true),   // never valid, but a small denominator hides it anyway
        (3, 7, true),
        (0, 7, true),    // 0 of 7: the denominator is small
        (0, 40, false),  // 0 of 40: nothing is small
        (11, 40, false),
        (30, 40, false),
    ])
    func suppression(numerator: Int, denominator: Int, suppressed: Bool) {
        let proportion = SmallCellSuppression.proportion(numerator: numerator, denominator: denominator)
        #expect(proportion.isSuppressed == suppressed)
        #expect((proportion.rate == nil) == suppressed)
    }

    @Test("a shown rate carries its counts")
    func shown() {
        // Given 30 of 40 -> 0.75
        let proportion = SmallCellSuppression.proportion(numerator: 30, denominator: 40)
        #expect(proportion.rate == 0.75)
        #expect(proportion.numerator == .shown(30))
        #expect(proportion.denominator == .shown(40))
        #expect(proportion.rateText { "\(Int($0 * 100))%" } == "75%")
    }

    @Test("a small numerator is hidden with the rate; a zero numerator is not")
    func hiddenCounts() {
        let small = SmallCellSuppression.proportion(numerator: 5, denominator: 40)
        #expect(small.numerator == .suppressed(primary: true))
        #expect(small.denominator == .shown(40))
        #expect(small.rateText { "\($0)" } == "<11")
        let zeroOfSmall = SmallCellSuppression.proportion(numerator: 0, denominator: 7)
        #expect(zeroOfSmall.numerator == .shown(0))
        #expect(zeroOfSmall.denominator == .suppressed(primary: true))
    }

    @Test("no denominator gives no rate and no suppression")
    func noDenominator() {
        let proportion = SmallCellSuppression.proportion(numerator: 0, denominator: 0)
        #expect(proportion.rate == nil)
        #expect(!proportion.isSuppressed)
        #expect(proportion.rateText { "\($0)" } == "")
    }
}
