import Testing
@testable import OutcomesAnalysis

@Suite("Run chart")
struct RunChartTests {
    @Test("median of an odd and an even count", arguments: [
        // sorted 1, 1, 3, 4, 5 -> middle value 3
        ([3.0, 1, 4, 1, 5], 3.0),
        // sorted 1, 1, 2, 3, 4, 5, 6, 9 -> (3 + 4)/2 = 3.5
        ([3.0, 1, 4, 1, 5, 9, 2, 6], 3.5),
    ])
    func median(values: [Double], expected: Double) {
        // Given a series
        let points = values.map { ValuePoint(label: "", value: $0) }
        // When
        let chart = RunChart.build(points)
        // Then
        #expect(chart.centre == expected)
        #expect(chart.kind == .run)
        #expect(chart.points.allSatisfy { $0.upperLimit == nil && !$0.isOutsideLimits })
    }

    @Test("points on the median are not useful observations")
    func pointsOnMedian() {
        // Given 3, 1, 4, 1, 5 with median 3
        let points = [3.0, 1, 4, 1, 5].map { ValuePoint(label: "", value: $0) }
        // When
        let chart = RunChart.build(points)
        // Then 3 is on the median: n = 4 (1 below, 4 above, 1 below, 5 above), 3 crossings, longest 1
        #expect(chart.runs.usefulCount == 4)
        #expect(chart.runs.crossings == 3)
        #expect(chart.runs.longestRun == 1)
    }

    @Test("an empty series has no median")
    func empty() {
        #expect(RunChart.median([]) == nil)
        #expect(RunChart.build([]).centre == nil)
    }
}
