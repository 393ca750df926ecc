import Testing
@testable import OutcomesAnalysis

@Suite("I-chart")
struct IChartTests {
    private func series(_ values: [Double?]) -> [ValuePoint] {
        values.enumerated().map { ValuePoint(label: "m\($0.offset + 1)", value: $0.element) }
    }

    @Test("centre is the mean and limits are mean +/- 3 x mean moving range / 1.128")
    func shortSeries() {
        // Given 10, 12, 11, 15, 12
        let chart = IChart.build(series([10, 12, 11, 15, 12]))
        // Then mean = 60/5 = 12; moving ranges 2, 1, 4, 3 -> mean 10/4 = 2.5
        // none above 3.267 x 2.5 = 8.1675; sigma = 2.5 / 1.128 = 2.216312
        // limits 12 -/+ 3 x 2.216312 = 12 -/+ 6.648936 = [5.351064, 18.648936]
        #expect(approximately(chart.centre, 12))
        #expect(approximately(chart.points[0].lowerLimit, 5.351064))
        #expect(approximately(chart.points[4].upperLimit, 18.648936))
        #expect(!chart.hasSignal)
    }

    @Test("a point beyond the upper limit signals")
    func outsidePoint() {
        // Given 10, 12, 11, 15, 12, 30
        let chart = IChart.build(series([10, 12, 11, 15, 12, 30]))
        // Then mean = 90/6 = 15; moving ranges 2, 1, 4, 3, 18 -> 28/5 = 5.6
        // 18 <= 3.267 x 5.6 = 18.2952 stays; sigma = 5.6 / 1.128 = 4.964539
        // limits 15 -/+ 14.893617 = [0.106383, 29.893617]; 30 > 29.893617
        #expect(approximately(chart.centre, 15))
        #expect(approximately(chart.points[5].upperLimit, 29.893617))
        #expect(approximately(chart.points[5].lowerLimit, 0.106383))
        #expect(chart.signalIndices == [5])
    }

    @Test("gaps are skipped by the mean and the moving ranges")
    func gaps() {
        // Given 10, -, 12, 11
        let chart = IChart.build(series([10, nil, 12, 11]))
        // Then mean = 33/3 = 11; moving ranges |12-10| = 2, |11-12| = 1 -> 1.5
        // sigma = 1.5 / 1.128 = 1.329787; limits 11 -/+ 3.989362 = [7.010638, 14.989362]
        #expect(approximately(chart.centre, 11))
        #expect(approximately(chart.points[0].upperLimit, 14.989362))
        #expect(approximately(chart.points[3].lowerLimit, 7.010638))
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
