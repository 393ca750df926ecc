import Testing
@testable import OutcomesAnalysis

@Suite("SPC phases, freeze and exclusions")
struct SPCPhaseTests {
    private func values(_ values: [Double?]) -> [SPCObservation] {
        values.enumerated().map { SPCObservation(label: "m\($0.offset + 1)", value: $0.element) }
    }

    @Test("a c-chart frozen on its first four points flags the later rise")
    func freeze() {
        // Given 4, 6, 5, 5 then 12, 13, frozen on the first four
        let chart = ControlChart.build(.c, values([4, 6, 5, 5, 12, 13]),
                                       options: SPCOptions(frozen: FrozenLimits(baseline: 0..<4)))
        // Then mean = 20/4 = 5 (not 45/6 = 7.5); 3 sigma = 3 sqrt 5 = 6.708204 -> upper 11.708204
        #expect(approximately(chart.centre, 5))
        #expect(approximately(chart.points[5].upperLimit, 11.708204))
        #expect(chart.points.map(\.isOutsideLimits) == [false, false, false, false, true, true])
        #expect(chart.phases.map(\.baselineCount) == [4])
    }

    @Test("two phases: each has its own centre and limits; no moving range crosses the split")
    func twoPhases() {
        // Given 10, 12, 11 | 20, 22, 21, split after the third point
        let chart = ControlChart.build(.i, values([10, 12, 11, 20, 22, 21]), options: SPCOptions(phaseEnds: [3]))
        // Then phase 1: mean 11, moving ranges 2, 1 -> 1.5; sigma 1.5/1.128 = 1.329787, 3 sigma 3.989362
        //   -> [7.010638, 14.989362]
        // phase 2: mean 21, moving ranges 2, 1 -> same sigma -> [17.010638, 24.989362]
        // (the 11 -> 20 range of 9 belongs to neither phase)
        #expect(chart.phases.map(\.range) == [0..<3, 3..<6])
        #expect(chart.points.map(\.phase) == [0, 0, 0, 1, 1, 1])
        #expect(approximately(chart.phases[0].centre, 11))
        #expect(approximately(chart.phases[1].centre, 21))
        #expect(approximately(chart.points[0].lowerLimit, 7.010638))
        #expect(approximately(chart.points[5].upperLimit, 24.989362))
        #expect(approximately(chart.points[3].centre, 21))
        #expect(!chart.hasSignal)
    }

    @Test("an excluded point is drawn but left out of the centre, the limits and the runs")
    func excluded() {
        // Given 3, 5, 2, 4, 6, 0, 15 with the 15 excluded
        let chart = ControlChart.build(.c, values([3, 5, 2, 4, 6, 0, 15]), options: SPCOptions(excluded: [6]))
        // Then mean = 20/6 = 3.333333; sigma = sqrt(3.333333) = 1.825742; 3 sigma = 5.477226
        // -> [0, 8.810559]; the 15 lies above it but is not judged
        #expect(approximately(chart.centre, 3.333333))
        #expect(approximately(chart.points[6].upperLimit, 8.810559))
        #expect(chart.points[6].value == 15)
        #expect(!chart.points[6].isIncluded)
        #expect(!chart.points[6].isOutsideLimits)
        // runs: 6 useful points (none equal 3.33): below 3, above 5, below 2, above 4, 6, below 0
        #expect(chart.runs.usefulCount == 6)
        #expect(chart.runs.crossings == 4)
        #expect(!chart.hasSignal)
    }

    @Test("split points outside the series are ignored")
    func phaseRanges() {
        let options = SPCOptions(phaseEnds: [0, 4, 2, 9, 2])
        #expect(options.phaseRanges(count: 6) == [0..<2, 2..<4, 4..<6])
        #expect(SPCOptions().phaseRanges(count: 0) == [0..<0])
    }
}
