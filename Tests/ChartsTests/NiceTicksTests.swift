@testable import Charts
import Testing

struct NiceTicksTests {
    @Test(arguments: [
        (0.0, 1.0, 6, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0.0, 27.0, 7, [0.0, 5, 10, 15, 20, 25, 30]),
        (0.62, 0.91, 5, [0.6, 0.7, 0.8, 0.9, 1.0]),
        (0.71, 0.89, 6, [0.7, 0.75, 0.8, 0.85, 0.9]),
        (-10.4, -4.9, 6, [-12.0, -10, -8, -6, -4]),
        (0.0, 142.0, 6, [0.0, 50, 100, 150]),
        (0.0, 84.0, 8, [0.0, 20, 40, 60, 80, 100]),
    ])
    func ticksAreOneTwoFiveMultiplesCoveringTheData(lower: Double, upper: Double, maxCount: Int, expected: [Double]) {
        // When
        let ticks = NiceTicks(lower: lower, upper: upper, maxCount: maxCount)
        // Then
        #expect(ticks.values == expected)
        #expect(ticks.values.count <= maxCount)
    }

    @Test func aFlatRangeStillGetsTicks() {
        let ticks = NiceTicks(lower: 5, upper: 5, maxCount: 5)
        #expect(ticks.values.count >= 2)
        #expect(ticks.lower <= 5 && ticks.upper >= 5)
    }

    @Test(arguments: [
        (ValueFormat.percent, 0.8, 0.05, "80%"),
        (.percent, 0.875, 0.025, "87.5%"),
        (.number, -6.5, 0.5, "\u{2212}6.5"),
        (.number, -0.0, 1, "0"),
        (.integer, 12500, 2500, "12,500"),
        (.integer, 9269, 1, "9,269"),  // grouped from 1,000 on, as the reports' tables write counts
        (.integer, 968, 1, "968"),
        (.number, 10, 2, "10"),
    ])
    func tickLabelsUseTheDecimalsTheStepNeeds(format: ValueFormat, value: Double, step: Double, expected: String) {
        #expect(format.tickLabel(value, step: step) == expected)
    }
}
