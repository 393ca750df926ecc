import Testing
@testable import OutcomesAnalysis

@Suite("Frozen limits")
struct FrozenLimitsTests {
    @Test("p-chart limits frozen on the first two months")
    func pChart() {
        // Given 10/100, 30/100, then 50/100
        let points = [
            ProportionPoint(label: "Jan", numerator: 10, denominator: 100),
            ProportionPoint(label: "Feb", numerator: 30, denominator: 100),
            ProportionPoint(label: "Mar", numerator: 50, denominator: 100),
        ]
        // When frozen on 0..<2
        let chart = PChart.build(points, frozen: FrozenLimits(baseline: 0..<2))
        // Then p-bar = 40/200 = 0.2 (not 90/300 = 0.3); limits 0.2 -/+ 3 x 0.04 = [0.08, 0.32]
        #expect(approximately(chart.centre, 0.2))
        #expect(approximately(chart.points[2].upperLimit, 0.32))
        // March's 0.5 is above the frozen limit
        #expect(chart.signalIndices == [2])
    }

    @Test("I-chart limits frozen on a baseline flag a later shift")
    func iChart() {
        // Given 10, 12, 11, 13 then 20, 21
        let points = [10.0, 12, 11, 13, 20, 21].map { ValuePoint(label: "", value: $0) }
        // When frozen on the first four
        let chart = IChart.build(points, frozen: FrozenLimits(baseline: 0..<4))
        // Then mean = 46/4 = 11.5; moving ranges 2, 1, 2 -> 5/3 = 1.666667
        // sigma = 1.666667 / 1.128 = 1.477541; limits 11.5 -/+ 4.432624 = [7.067376, 15.932624]
        #expect(approximately(chart.centre, 11.5))
        #expect(approximately(chart.points[5].lowerLimit, 7.067376))
        #expect(approximately(chart.points[5].upperLimit, 15.932624))
        #expect(chart.points.map(\.isOutsideLimits) == [false, false, false, false, true, true])
    }

    @Test("run chart median frozen; the runs after the baseline are analysed on their own")
    func runChart() {
        // Given a baseline 3, 1, 2 then 5 ... 11
        let points = [3.0, 1, 2, 5, 6, 7, 8, 9, 10, 11].map { ValuePoint(label: "", value: $0) }
        // When frozen on the first three
        let chart = RunChart.build(points, frozen: FrozenLimits(baseline: 0..<3))
        // Then median of 1, 2, 3 = 2
        #expect(chart.centre == 2)
        // baseline: 3 above, 2 on the line, 1 below -> n = 2, 1 crossing, longest 1: no signal
        #expect(chart.runs.usefulCount == 2)
        #expect(!chart.runs.isSignal)
        // after: 7 points all above -> longest 7 > round(log2 7 + 3) = 6; 0 crossings < 1
        let after = chart.runsAfterBaseline
        #expect(after?.usefulCount == 7)
        #expect(after?.longestRun == 7)
        #expect(after?.longestRunLimit == 6)
        #expect(after?.hasTooFewCrossings == true)
        #expect(after?.signallingRunIndices == Array(3...9))
        #expect(chart.signalIndices == Array(3...9))
    }

    @Test("a baseline longer than the series is clipped")
    func clipped() {
        let frozen = FrozenLimits(baseline: 0..<10)
        #expect(frozen.baselineIndices(count: 4) == 0..<4)
        #expect(frozen.followUpIndices(count: 4).isEmpty)
    }
}
