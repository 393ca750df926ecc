import Testing
@testable import OutcomesAnalysis

@Suite("SPC chart types")
struct SPCChartTypeTests {
    private func values(_ values: [Double?]) -> [SPCObservation] {
        values.enumerated().map { SPCObservation(label: "m\($0.offset + 1)", value: $0.element) }
    }

    @Test("p-chart: p-bar pools unequal n; limits step with n and the lower one is clipped at 0")
    func pChart() {
        // Given 2/10, 6/40, 2/50, 40/400
        let rows = [(2.0, 10.0), (6, 40), (2, 50), (40, 400)].enumerated().map {
            SPCObservation(label: "m\($0.offset + 1)", value: $0.element.0, denominator: $0.element.1)
        }
        // When
        let chart = ControlChart.build(.p, rows)
        // Then p-bar = 50/500 = 0.1 (the mean of the rates would be (0.2 + 0.15 + 0.04 + 0.1)/4 = 0.1225)
        #expect(approximately(chart.centre, 0.1))
        // n = 10: sigma = sqrt(0.1 x 0.9 / 10) = 0.0948683, 3 sigma = 0.284605 -> [0.1 - 0.2846 < 0 -> 0, 0.384605]
        #expect(chart.points[0].lowerLimit == 0)
        #expect(approximately(chart.points[0].upperLimit, 0.384605))
        // 2 sigma = 0.189737 -> [0, 0.289737]
        #expect(chart.points[0].warningLimits?.lower == 0)
        #expect(approximately(chart.points[0].warningLimits?.upper, 0.289737))
        // n = 400: sigma = sqrt(0.09 / 400) = 0.015 -> 3 sigma [0.055, 0.145], 2 sigma [0.07, 0.13]
        #expect(approximately(chart.points[3].lowerLimit, 0.055))
        #expect(approximately(chart.points[3].upperLimit, 0.145))
        #expect(approximately(chart.points[3].warningLimits?.lower, 0.07))
        #expect(chart.points[3].denominator == 400)
        #expect(!chart.hasSignal)
    }

    @Test("p-chart with multiplier 100 is in percent and clipped to [0, 100]")
    func pChartPercent() {
        // Given 1/2 and 2/2 with multiplier 100
        let rows = [
            SPCObservation(label: "a", value: 1, denominator: 2), SPCObservation(label: "b", value: 2, denominator: 2),
        ]
        let chart = ControlChart.build(.p, rows, options: SPCOptions(multiplier: 100))
        // Then p-bar = 3/4 = 75%; n = 2: sigma = sqrt(0.75 x 0.25 / 2) = 0.306186 -> 3 sigma 91.8559 points
        // -> [75 - 91.86 < 0 -> 0, 75 + 91.86 > 100 -> 100]
        #expect(approximately(chart.centre, 75))
        #expect(chart.points[1].limits == ControlLimits(lower: 0, upper: 100))
        #expect(approximately(chart.points[1].value, 100))
    }

    @Test("u-chart: events per 1,000 patient-days, limits step with the exposure")
    func uChart() {
        // Given 2, 1, 2, 19 events over 1,000, 1,000, 1,000, 2,000 patient-days
        let rows = [(2.0, 1000.0), (1, 1000), (2, 1000), (19, 2000)].enumerated().map {
            SPCObservation(label: "m\($0.offset + 1)", value: $0.element.0, denominator: $0.element.1)
        }
        // When multiplied by 1,000
        let chart = ControlChart.build(.u, rows, options: SPCOptions(multiplier: 1000))
        // Then u-bar = 24 / 5,000 = 0.0048 per day = 4.8 per 1,000; the last point is 19/2000 x 1000 = 9.5
        #expect(approximately(chart.centre, 4.8))
        #expect(approximately(chart.points[3].value, 9.5))
        // 1,000 days: sigma = sqrt(0.0048 / 1000) x 1000 = 2.190890, 3 sigma = 6.572671
        // -> [4.8 - 6.57 < 0 -> 0, 11.372671]
        #expect(chart.points[0].lowerLimit == 0)
        #expect(approximately(chart.points[0].upperLimit, 11.372671))
        // 2,000 days: sigma = sqrt(0.0048 / 2000) x 1000 = 1.549193, 3 sigma = 4.647580
        // -> [0.152420, 9.447580]; 9.5 > 9.447580 is a signal
        #expect(approximately(chart.points[3].lowerLimit, 0.152420))
        #expect(approximately(chart.points[3].upperLimit, 9.447580))
        #expect(chart.signalIndices == [3])
    }

    @Test("c-chart: centre the mean count, sigma its square root, lower limit clipped at 0")
    func cChart() {
        // Given counts 3, 5, 2, 4, 6, 0, 15
        let chart = ControlChart.build(.c, values([3, 5, 2, 4, 6, 0, 15]))
        // Then mean = 35/7 = 5; sigma = sqrt 5 = 2.236068; 3 sigma = 6.708204 -> [0, 11.708204]
        // 2 sigma = 4.472136 -> [0.527864, 9.472136]; 15 > 11.708204
        #expect(approximately(chart.centre, 5))
        #expect(chart.points[0].lowerLimit == 0)
        #expect(approximately(chart.points[0].upperLimit, 11.708204))
        #expect(approximately(chart.points[0].warningLimits?.lower, 0.527864))
        #expect(approximately(chart.points[0].warningLimits?.upper, 9.472136))
        #expect(chart.signalIndices == [6])
    }

    @Test("I-chart: a moving range above 3.267 x the mean moving range is left out of sigma")
    func iChartScreened() {
        // Given ten values around 11, then 30
        let chart = ControlChart.build(.i, values([10, 12, 11, 12, 11, 10, 12, 11, 10, 12, 30]))
        // Then mean = (111 + 30)/11 = 141/11 = 12.818182
        // moving ranges 2, 1, 1, 1, 1, 2, 1, 1, 2 (sum 12) and |30 - 12| = 18: mean 30/10 = 3
        // 18 > 3.267 x 3 = 9.801 is left out: mean moving range = 12/9 = 1.333333
        // sigma = 1.333333 / 1.128 = 1.182033; 3 sigma = 3.546099 -> [9.272083, 16.364281]
        // (unscreened it would be 3 / 1.128 x 3 = 7.978723 -> [4.839459, 20.796905])
        #expect(approximately(chart.centre, 12.818182))
        #expect(approximately(chart.points[0].lowerLimit, 9.272083))
        #expect(approximately(chart.points[0].upperLimit, 16.364281))
        // 2 sigma = 2.364066 -> [10.454116, 15.182248]
        #expect(approximately(chart.points[0].warningLimits?.upper, 15.182248))
        #expect(chart.points.map(\.isOutsideLimits) == Array(repeating: false, count: 10) + [true])
    }

    @Test("mr-chart: the moving ranges around their mean, upper limit 3.267 x the mean, lower 0")
    func mrChart() {
        // Given 10, 12, 11, 15, 12 -> moving ranges -, 2, 1, 4, 3
        let chart = ControlChart.build(.mr, values([10, 12, 11, 15, 12]))
        // Then mean = 10/4 = 2.5; upper = 3.267 x 2.5 = 8.1675; lower = 0
        #expect(chart.points.map(\.value) == [nil, 2, 1, 4, 3])
        #expect(approximately(chart.centre, 2.5))
        #expect(approximately(chart.points[1].upperLimit, 8.1675))
        #expect(chart.points[1].lowerLimit == 0)
        #expect(chart.points[0].limits == nil)
    }

    @Test("run chart: a long run and too few crossings around the median")
    func runChart() {
        // Given 1, 2, ..., 16
        let chart = ControlChart.build(.run, values((1...16).map { Double($0) }))
        // Then median = (8 + 9)/2 = 8.5; 8 points below, 8 above: n = 16
        // longest run 8 > round(log2 16 + 3) = 7; crossings 1 < qbinom(0.05, 15, 0.5) = 4
        #expect(chart.centre == 8.5)
        #expect(chart.runs.longestRun == 8)
        #expect(chart.runs.longestRunLimit == 7)
        #expect(chart.runs.crossings == 1)
        #expect(chart.runs.minimumCrossings == 4)
        #expect(chart.runs.hasUnusuallyLongRun && chart.runs.hasTooFewCrossings)
        #expect(chart.points.allSatisfy { $0.limits == nil && $0.isInLongRun })
    }
}
