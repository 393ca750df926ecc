import Testing
@testable import OutcomesAnalysis

@Suite("p-chart")
struct PChartTests {
    @Test("p-bar is the pooled proportion and limits widen as n shrinks")
    func unequalDenominators() {
        // Given 2/10, 5/20, 3/30
        let points = [
            ProportionPoint(label: "Jan", numerator: 2, denominator: 10),
            ProportionPoint(label: "Feb", numerator: 5, denominator: 20),
            ProportionPoint(label: "Mar", numerator: 3, denominator: 30),
        ]
        // When
        let chart = PChart.build(points)
        // Then p-bar = 10/60 = 0.166667 (the mean of the rates would be 0.55/3 = 0.183333)
        #expect(approximately(chart.centre, 0.166667))
        // p(1-p) = 0.138889
        // UCL_1 = 0.166667 + 3 sqrt(0.138889/10) = 0.166667 + 3 x 0.117851 = 0.520220
        // UCL_2 = 0.166667 + 3 sqrt(0.138889/20) = 0.166667 + 3 x 0.083333 = 0.416667
        // UCL_3 = 0.166667 + 3 sqrt(0.138889/30) = 0.166667 + 3 x 0.068041 = 0.370791
        #expect(approximately(chart.points[0].upperLimit, 0.520220))
        #expect(approximately(chart.points[1].upperLimit, 0.416667))
        #expect(approximately(chart.points[2].upperLimit, 0.370791))
        // every LCL is below 0 (e.g. 0.166667 - 0.353553) and clipped to 0
        #expect(chart.points.allSatisfy { $0.lowerLimit == 0 })
        #expect(chart.points.map(\.value) == [0.2, 0.25, 0.1])
        #expect(chart.points.map(\.denominator) == [10, 20, 30])
        #expect(!chart.points.contains { $0.isOutsideLimits })
    }

    @Test("a point with denominator 0 is a gap, excluded from p-bar and the runs analysis")
    func gapsAndSignals() {
        // Given 5/100, 0/0, 35/100, 20/100
        let points = [
            ProportionPoint(label: "Jan", numerator: 5, denominator: 100),
            ProportionPoint(label: "Feb", numerator: 0, denominator: 0),
            ProportionPoint(label: "Mar", numerator: 35, denominator: 100),
            ProportionPoint(label: "Apr", numerator: 20, denominator: 100),
        ]
        // When
        let chart = PChart.build(points)
        // Then p-bar = 60/300 = 0.2; sigma = sqrt(0.2 x 0.8/100) = 0.04; limits 0.2 -/+ 0.12 = [0.08, 0.32]
        #expect(approximately(chart.centre, 0.2))
        #expect(approximately(chart.points[0].lowerLimit, 0.08))
        #expect(approximately(chart.points[0].upperLimit, 0.32))
        // Feb is kept in place as a gap with no limits and no signal
        #expect(chart.points.count == 4)
        #expect(chart.points[1].label == "Feb")
        #expect(chart.points[1].value == nil)
        #expect(chart.points[1].upperLimit == nil)
        // 0.05 < 0.08 and 0.35 > 0.32 signal; 0.2 does not
        #expect(chart.points.map(\.isOutsideLimits) == [true, false, true, false])
        #expect(chart.signalIndices == [0, 2])
        // runs: 0.05 below, 0.35 above, 0.2 on the centre -> n = 2, 1 crossing
        #expect(chart.runs.usefulCount == 2)
        #expect(chart.runs.crossings == 1)
    }

    @Test("limits are clipped to 1 when p-bar is high")
    func clippedAtOne() {
        // Given 9/10 and 10/10
        let points = [
            ProportionPoint(label: "A", numerator: 9, denominator: 10),
            ProportionPoint(label: "B", numerator: 10, denominator: 10),
        ]
        // When
        let chart = PChart.build(points)
        // Then p-bar = 19/20 = 0.95; 3 sqrt(0.95 x 0.05/10) = 3 x 0.068920 = 0.206761
        // UCL = 1.156761 -> clipped to 1; LCL = 0.743239
        #expect(approximately(chart.centre, 0.95))
        #expect(chart.points[0].upperLimit == 1)
        #expect(approximately(chart.points[0].lowerLimit, 0.743239))
        // 1.0 is not above a clipped limit of 1
        #expect(!chart.points[1].isOutsideLimits)
    }

    @Test("no usable denominator gives no centre and no limits")
    func noData() {
        // Given only empty months
        let points = [ProportionPoint(label: "Jan", numerator: 0, denominator: 0)]
        // When
        let chart = PChart.build(points)
        // Then
        #expect(chart.centre == nil)
        #expect(chart.points[0].value == nil)
        #expect(!chart.hasSignal)
    }
}
