import Testing
@testable import OutcomesAnalysis

@Suite("I-chart")
struct IChartTests {
    private func series(_ values: [Double?]) -> [ValuePoint] {
        values.enumerated().map { ValuePoint(label: "m\($0.offset + 1)", value: $0.element) }
    }

    @Test("centre is the mean and limits are mean +/- 2.66 x mean moving range")
    func shortSeries() {
        // Given 10, 12, 11, 15, 12
        let chart = IChart.build(series([10, 12, 11, 15, 12]))
        // Then mean = 60/5 = 12; moving ranges 2, 1, 4, 3 -> mean 10/4 = 2.5
        // limits 12 -/+ 2.66 x 2.5 = 12 -/+ 6.65 = [5.35, 18.65]
        #expect(approximately(chart.centre, 12))
        #expect(approximately(chart.points[0].lowerLimit, 5.35))
        #expect(approximately(chart.points[4].upperLimit, 18.65))
        #expect(!chart.hasSignal)
    }

    @Test("a point beyond the upper limit signals")
    func outsidePoint() {
        // Given 10, 12, 11, 15, 12, 30
        let chart = IChart.build(series([10, 12, 11, 15, 12, 30]))
        // Then mean = 90/6 = 15; moving ranges 2, 1, 4, 3, 18 -> 28/5 = 5.6
        // limits 15 -/+ 2.66 x 5.6 = 15 -/+ 14.896 = [0.104, 29.896]; 30 > 29.896
        #expect(approximately(chart.centre, 15))
        #expect(approximately(chart.points[5].upperLimit, 29.896))
        #expect(approximately(chart.points[5].lowerLimit, 0.104))
        #expect(chart.signalIndices == [5])
    }

    @Test("gaps are skipped by the mean and the moving ranges")
    func gaps() {
        // Given 10, -, 12, 11
        let chart = IChart.build(series([10, nil, 12, 11]))
        // Then mean = 33/3 = 11; moving ranges |12-10| = 2, |11-12| = 1 -> 1.5
        // limits 11 -/+ 3.99 = [7.01, 14.99]
        #expect(approximately(chart.centre, 11))
        #expect(approximately(chart.points[0].upperLimit, 14.99))
        #expect(approximately(chart.points[3].lowerLimit, 7.01))
        #expect(chart.points[1].value == nil)
        #expect(chart.points[1].upperLimit == nil)
    }

    @Test("one value has a centre but no limits")
    func singleValue() {
        // Given one month
        let chart = IChart.build(series([7]))
        // Then centre 7, no moving range, no limits
        #expect(chart.centre == 7)
        #expect(chart.points[0].upperLimit == nil)
    }
}
