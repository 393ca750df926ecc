import Testing
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline

/// A trend's months read in runs (`TrendRuns`) and analysed run by run (`TrendAnalysis`).
@Suite("Trend runs: a trend's months read a run at a time")
struct TrendRunsTests {
    static func month(_ text: String) -> Period { Period.month(containing: Day(iso: text + "-01")!) }

    /// How many sessions each point of the attendance series counts (its denominator).
    static func scheduled(_ trends: [MetricTrend]) -> [Int] {
        trends.first { $0.key.isOverall && $0.metric == MetricID.attendanceRate }?.points.map { point in
            guard case .proportion(_, _, let den)? = point.value else { return 0 }
            return den
        } ?? []
    }

    /// Runs of months analysed with every family.
    static func runs(_ months: [Period]) -> [[Period]] {
        TrendRuns.runs(months) { _ in Set(MetricFamily.allCases) }
    }

    @Test func monthsWithEveryFamilyAreCutIntoRunsOfSixFromTheNewestBack() {
        let october = Self.month("2026-10")
        // 14 months, September 2025 to October 2026: runs of 2, 6 and 6 months
        let fourteen = october.trailingMonths(14)
        let runs = Self.runs(fourteen)
        #expect(runs.map(\.count) == [2, 6, 6])
        #expect(runs.map { $0[0].from.monthKey } == ["2025-09", "2025-11", "2026-05"])
        #expect(runs.flatMap { $0 } == fourteen)
        #expect(Self.runs(october.trailingMonths(12)).map(\.count) == [6, 6])
        #expect(Self.runs(october.trailingMonths(6)).map(\.count) == [6])
        #expect(Self.runs([october]) == [[october]])
        #expect(Self.runs([]).isEmpty)
    }

    @Test func monthsWithShorterWindowsAreReadMoreAtATime() {
        let october = Self.month("2026-10")
        let months = october.trailingMonths(24)
        // Attendance looks at its month alone. The six months ending with October 2026, with
        // every family, reach back to May 2026's retention year, from 2025-06-01: the newest run
        // takes the months from June 2025 on (17). The six ending with May 2025 reach back to
        // December 2024's retention year, from 2024-01-01: the older run takes the 7 months left,
        // from November 2024.
        let runs = TrendRuns.runs(months) { _ in [.attendance] }
        #expect(runs.map(\.count) == [7, 17])
        #expect(runs.map { $0[0].from.monthKey } == ["2024-11", "2025-06"])
        #expect(runs.flatMap { $0 } == months)
        // P (October) with every family reaches back to 2025-11-01, after June 2025: the same runs.
        #expect(TrendRuns.runs(months) { $0 == october ? Set(MetricFamily.allCases) : [.attendance] } == runs)
        // Retention looks back a year: six months a run, as with every family.
        #expect(TrendRuns.runs(months) { _ in [.retention] }.map(\.count) == [6, 6, 6, 6])
    }

    @Test func aTwentyFourMonthTrendReadInFourRunsCountsEveryMonth() throws {
        // The data-window fixture (DataWindowTests): November 2024 to October 2026, E1 one
        // session a month (24), E2 August to October 2025 and E3 August to October 2026 one more:
        // 2 in those six months, 1 in the other eighteen, 30 in all, read in runs of 6 months.
        let october = Self.month("2026-10")
        let output = try TrendAnalysis.analyze(DataWindowTests.database(), options: AnalysisOptions(period: october),
                                               months: 24, registry: .builtIn) { _ in [MetricID.attendanceRate] }
        let doubled: Set = ["2025-08", "2025-09", "2025-10", "2026-08", "2026-09", "2026-10"]
        let expected = october.trailingMonths(24).map { doubled.contains($0.from.monthKey) ? 2 : 1 }
        #expect(Self.scheduled(output.trends) == expected)
        #expect(Self.scheduled(output.trends).reduce(0, +) == 30)
        #expect(output.emptyPeriodNote == nil)
    }

    @Test func aTrendByProgramInRunsGivesWhatOneReadGives() throws {
        // 14 months by program (runs of 2, 6 and 6 months) against every month from one read
        let october = Self.month("2026-10")
        let options = AnalysisOptions(period: october)
        let db = try DataWindowTests.database()
        let output = try TrendAnalysis.analyze(db, options: options, months: 14, by: [.program],
                                               registry: .builtIn) { $0.overall?.metrics.ids ?? [] }
        let dataset = try DatasetLoader.load(db, periods: AnalysedPeriod.allFamilies(october.trailingMonths(14)),
                                             registry: .builtIn)
        let ids = try #require(Analysis.analyze(dataset, options: options, by: [.program]).overall).metrics.ids
        #expect(ids.count > 20)
        #expect(output.trends == Analysis.trend(dataset, options: options, metrics: ids, months: 14, by: [.program]))
        // the overall cohort and both programs, each with 14 points ending in October
        #expect(Set(output.trends.map(\.key)).count == 3)
        #expect(output.trends.allSatisfy { $0.points.count == 14 && $0.points.last?.period == october })
    }

    @Test func aTrendOfSomeMetricsByProgramInRunsGivesWhatOneReadGives() throws {
        // Attendance alone, by program, 14 months (runs of 2, 6 and 6). The older runs read for
        // attendance only: E2 (sud, discharged 2025-10-31) is not read for November 2025 to April
        // 2026, where one read of every family holds it (retention years). sud is a cohort of the
        // months its episodes are open in, and of no other, either way: E2's sessions in September
        // and October 2025, no cohort from November 2025 to July 2026, then E3's August to October.
        let october = Self.month("2026-10")
        let options = AnalysisOptions(period: october)
        let db = try DataWindowTests.database()
        let metrics = [MetricID.attendanceRate]
        let output = try TrendAnalysis.analyze(db, options: options, months: 14, by: [.program],
                                               registry: .builtIn) { _ in metrics }
        let dataset = try DatasetLoader.load(db, periods: AnalysedPeriod.allFamilies(october.trailingMonths(14)),
                                             registry: .builtIn)
        let oneRead = Analysis.trend(dataset, options: options, metrics: metrics, months: 14, by: [.program])
        #expect(output.trends == oneRead)
        let sud = try #require(output.trends.first { $0.key[.program] == "sud" })
        #expect(sud.points.map { $0.value == nil } == (0..<14).map { (2...10).contains($0) })
    }

    @Test func aPeriodThatIsNotAMonthIsNotTakenAsItsLastMonth() throws {
        // The third quarter of 2026 with a 3-month trend: July (E1: 1 session), August and
        // September (E1 and E3: 2 each), each month analysed as itself; the quarter's own figures
        // (5 sessions) are no month's.
        let quarter = Period(from: Day(iso: "2026-07-01")!, to: Day(iso: "2026-09-30")!)
        let output = try TrendAnalysis.analyze(DataWindowTests.database(), options: AnalysisOptions(period: quarter),
                                               months: 3, registry: .builtIn) { _ in [MetricID.attendanceRate] }
        #expect(output.trends.first?.points.map(\.period) == quarter.trailingMonths(3))
        #expect(Self.scheduled(output.trends) == [1, 2, 2])
    }

    @Test func aPeriodWithNothingRecordedSaysSo() throws {
        // June 2024 has E1's first session; May 2024 nothing at all
        let may = Self.month("2024-05")
        let output = try TrendAnalysis.analyze(DataWindowTests.database(), options: AnalysisOptions(period: may),
                                               months: 2, registry: .builtIn) { _ in [MetricID.attendanceRate] }
        #expect(output.emptyPeriodNote?.contains("nothing is recorded") == true)
        #expect(Self.scheduled(output.trends) == [0, 0])
    }
}
