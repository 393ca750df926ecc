import Testing
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline

/// A trend computed a month per job on every core gives the series one computation gives.
@Suite("Parallel trend: one job per month")
struct ParallelTrendTests {
    static func month(_ text: String) -> Period { Period.month(containing: Day(iso: text + "-01")!) }

    /// The data-window fixture as loaded for `month` with a 14-month trend.
    static func datasetForATrend(to month: Period) throws -> AnalysisDataset {
        try DatasetLoader.load(DataWindowTests.database(),
                               periods: AnalysedPeriod.allFamilies([month] + month.trailingMonths(14)),
                               registry: .builtIn)
    }

    @Test func aCohortAbsentFromSomeMonthsHasNoValueInThem() {
        // August and September have the overall cohort only; the sud cohort first appears in October
        let sud = CohortKey([.init(.program, "sud")])
        func metrics(_ count: Int) -> MetricSet {
            var set = MetricSet()
            set.set(MetricID.discharges, .count(count))
            return set
        }
        let months = [TrendMonth(period: Self.month("2026-08"), values: [.overall: metrics(3)]),
                      TrendMonth(period: Self.month("2026-09"), values: [.overall: metrics(3)]),
                      TrendMonth(period: Self.month("2026-10"), values: [.overall: metrics(5), sud: metrics(2)])]
        let series = Analysis.trend(months, metrics: [MetricID.discharges])
        #expect(series.map(\.key) == [.overall, sud])
        #expect(series[0].points.map(\.value) == [.count(3), .count(3), .count(5)])
        #expect(series[1].points.map(\.value) == [nil, nil, .count(2)])
        #expect(series[1].points.map(\.period) == months.map(\.period))
    }

    @Test func monthJobsGiveWhatOneComputationGives() throws {
        // The data-window fixture: October 2026 with a 14-month trend by program, both ways
        let october = Self.month("2026-10")
        let dataset = try Self.datasetForATrend(to: october)
        let options = AnalysisOptions(period: october)
        let metrics = [MetricID.attendanceRate, MetricID.discharges]
        let months = october.trailingMonths(14)
        let jobs = ParallelTrend.monthJobs(dataset, options: options, metrics: metrics, months: months.reversed(),
                                           by: [.program])
        let parallel = Analysis.trend(ParallelJobs.run(jobs).reversed(), metrics: metrics)
        #expect(parallel == Analysis.trend(dataset, options: options, metrics: metrics, months: 14, by: [.program]))
        #expect(parallel.first?.points.map(\.period) == months)
        #expect(jobs.first?().period == october)
    }
}
