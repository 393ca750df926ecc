import Testing
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline

/// A trend computed in two halves on two cores joins into the series one computation gives.
@Suite("Parallel trend: two halves joined")
struct ParallelTrendTests {
    static func month(_ text: String) -> Period { Period.month(containing: Day(iso: text + "-01")!) }

    @Test func aCohortAbsentFromOneHalfHasNoValueInItsMonths() {
        // August and September, then October: the sud cohort first appears in October
        let sud = CohortKey([.init(.program, "sud")])
        let older = [Self.month("2026-08"), Self.month("2026-09")]
        let recent = [Self.month("2026-10")]
        let first = [MetricTrend(key: .overall, metric: MetricID.discharges,
                                 points: older.map { TrendPoint(period: $0, value: .count(3)) })]
        let second = [MetricTrend(key: .overall, metric: MetricID.discharges,
                                  points: [TrendPoint(period: recent[0], value: .count(5))]),
                      MetricTrend(key: sud, metric: MetricID.discharges,
                                  points: [TrendPoint(period: recent[0], value: .count(2))])]
        let joined = ParallelTrend.join(first, older, second, recent, metrics: [MetricID.discharges])
        #expect(joined.map(\.key) == [.overall, sud])
        #expect(joined[0].points.map(\.value) == [.count(3), .count(3), .count(5)])
        #expect(joined[1].points.map(\.value) == [nil, nil, .count(2)])
        #expect(joined[1].points.map(\.period) == older + recent)
    }

    @Test func twoHalvesGiveWhatOneComputationGives() throws {
        // The data-window fixture: October 2026 with a 14-month trend by program, both ways
        let october = Self.month("2026-10")
        let dataset = try DatasetLoader.load(DataWindowTests.database(),
                                             periods: DatasetLoader.analyzedPeriods(october, trendMonths: 14),
                                             registry: .builtIn)
        let options = AnalysisOptions(period: october)
        let metrics = [MetricID.attendanceRate, MetricID.discharges]
        #expect(ParallelTrend.trend(dataset, options: options, metrics: metrics, months: 14, by: [.program])
                == Analysis.trend(dataset, options: options, metrics: metrics, months: 14, by: [.program]))
    }
}
