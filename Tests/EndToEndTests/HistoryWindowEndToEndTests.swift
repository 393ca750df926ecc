import Foundation
import OutcomesAnalysis
import OutcomesCore
@testable import OutcomesPipeline
import OutcomesReports
import OutcomesStore
import Testing

/// Issue 13: what `analyze` and the reports read does not grow with the history before their
/// earliest window, and leaving that history unread changes no figure. A generated program of
/// 900 episodes admitted over 3 years is analysed from the windowed load and from every row
/// of the store: every metric overall and by program, a 12-month trend, the equity figures and
/// the watch list must be the same.
@Suite("Windowed load: the history before the earliest window is not read", .serialized)
struct HistoryWindowEndToEndTests {
    static let october = Period.month(containing: Day(iso: "2026-10-01")!)

    /// A 3-year program loaded into a fresh database.
    static let database: String = {
        let folder = scratchFolder.appendingPathComponent("history-\(UUID().uuidString)")
        let data = folder.appendingPathComponent("data").path
        let db = folder.appendingPathComponent("p.sqlite").path
        _ = try? Executable.run(["sample-data", "--episodes", "900", "--years", "3", "--seed", "5",
                                 "--end", "2026-10-31", "--out", data])
        _ = try? Executable.run(["init", "--db", db])
        _ = try? Executable.run(["ingest", "--db", db, "--today", "2026-11-01", data])
        return db
    }()

    /// Every row of the store, as the loader read it before windows.
    static func wholeStore(_ db: OutcomesDatabase) throws -> AnalysisDataset {
        var builder = AnalysisDataset.Builder(episodes: try db.episodes(), registry: .builtIn)
        try db.forEachSession { builder.append($0) }
        try db.forEachAssessment(includingItems: false) { builder.append($0) }
        for goal in try db.goals() { builder.append(goal) }
        try db.forEachEvent { builder.append($0) }
        return builder.build()
    }

    @Test func aTrendReadsLessThanTheWholeHistoryAndGetsTheSameFigures() throws {
        let db = try OutcomesDatabase(path: Self.database)
        let periods = AnalysedPeriod.allFamilies(Self.october.trailingMonths(12))
        let windowed = try DatasetLoader.load(db, periods: periods, registry: .builtIn)
        let whole = try Self.wholeStore(db)
        // Admissions run from 2023-09 (3 x 365 + 56 days before 2026-10-31); the earliest window
        // of November 2025's analysis is its retention year from 2024-12-01, so episodes
        // discharged before then, about a third, are not read, nor their rows.
        #expect(whole.episodes.count == 900)
        #expect(windowed.episodes.count < 700)
        #expect(windowed.sessionColumns.count < whole.sessionColumns.count)
        #expect(windowed.eventCount < whole.eventCount)

        let options = AnalysisOptions(period: Self.october)
        let fromWindow = Analysis.analyze(windowed, options: options, by: [.program])
        let fromWhole = Analysis.analyze(whole, options: options, by: [.program])
        #expect(AnalysisJSON.encode(fromWindow) == AnalysisJSON.encode(fromWhole))
        #expect(fromWindow.cohorts.count > 2)
        #expect(fromWindow.watchList.entries == fromWhole.watchList.entries)
        #expect(String(describing: fromWindow.equity) == String(describing: fromWhole.equity))

        let metrics = try #require(fromWhole.overall).metrics.ids
        let trend = { (dataset: AnalysisDataset) in
            TrendJSON.encode(period: Self.october, months: 12,
                             trends: Analysis.trend(dataset, options: options, metrics: metrics, months: 12))
        }
        #expect(trend(windowed) == trend(whole))
    }

    @Test func aMonthOnItsOwnReadsOnlyItsWindows() throws {
        let db = try OutcomesDatabase(path: Self.database)
        let windowed = try DatasetLoader.load(db, periods: [AnalysedPeriod(Self.october)], registry: .builtIn)
        let whole = try Self.wholeStore(db)
        // October 2026 alone looks back to its retention year (from 2025-11-01): fewer episodes
        // than the trend's, and the same figures as from every row.
        #expect(windowed.episodes.count < 600)
        let options = AnalysisOptions(period: Self.october)
        #expect(AnalysisJSON.encode(Analysis.analyze(windowed, options: options))
                == AnalysisJSON.encode(Analysis.analyze(whole, options: options)))
    }

    /// A period analysed for some families only (a report's trend months) reads back only as far
    /// as their windows; each family's metrics, overall and by program, are those of every row.
    @Test func eachFamilyReadAsFarBackAsItsWindowsGetsTheSameFigures() throws {
        let db = try OutcomesDatabase(path: Self.database)
        let whole = try Self.wholeStore(db)
        let quarter = Period(from: Day(iso: "2026-04-01")!, to: Day(iso: "2026-06-30")!)
        for period in [Self.october, quarter] {
            let options = AnalysisOptions(period: period)
            let ids = try #require(Analysis.analyze(whole, options: options).overall).metrics.ids
            for family in MetricFamily.allCases {
                let metrics = ids.filter { MetricFamily.of($0) == family }
                let windowed = try DatasetLoader.load(db, periods: [AnalysedPeriod(period, families: [family])],
                                                      registry: .builtIn)
                let figures = { (dataset: AnalysisDataset) in
                    let month = Analysis.trendMonth(dataset, options: options, metrics: metrics, by: [.program])
                    return month.values.keys.sorted().flatMap { key in
                        let set = month.values[key] ?? MetricSet()
                        return set.ids.map { "\(key) \($0): \(String(describing: set[$0]))" }
                    }
                }
                #expect(figures(windowed) == figures(whole), "\(family) in \(period)")
            }
        }
        // October's attendance needs October's episodes only; its retention the 12 months before.
        let attendance = try DatasetLoader.load(db, periods: [AnalysedPeriod(Self.october, families: [.attendance])],
                                                registry: .builtIn)
        let retention = try DatasetLoader.load(db, periods: [AnalysedPeriod(Self.october, families: [.retention])],
                                               registry: .builtIn)
        #expect(attendance.episodes.count < retention.episodes.count)
    }

    /// A report's inputs as its reads load them (`ReportInputsLoader.reads`), and as the same
    /// analyses of one read of every row of the store give them; P, its dimensions, its watch
    /// list and equity figures, the previous period and the trends must be the same.
    static func readApartAndWhole(_ report: String, trendMonths: Int? = nil) throws
        -> (plan: ReportPlan, reads: [ReportInputsLoader.Read], inputs: ReportInputs) {
        let db = try OutcomesDatabase(path: Self.database)
        let definition = try ReportDefinition.resolve(report, folder: nil, vocabulary: .analysis(.builtIn))
        var plan = ReportPlan(definition, month: Self.october)
        if let trendMonths { plan.trendMonths = trendMonths }
        let loader = ReportInputsLoader(db: db, registry: .builtIn, options: AnalysisOptions(period: plan.period))
        let inputs = try loader.load(plan, programName: "P", command: "c", generatedOn: plan.period.to)
        let reads = ReportInputsLoader.reads(plan)
        let everything = ReportInputsLoader.Read(current: true, previous: reads.contains(where: \.previous),
                                                 months: reads.flatMap(\.months))
        let whole = ReportInputsLoader.gather(loader.analyze(try Self.wholeStore(db), plan, everything), plan)

        #expect(AnalysisJSON.encode(inputs.current) == AnalysisJSON.encode(whole.current))
        #expect(inputs.current.watchList.entries == whole.current.watchList.entries)
        #expect(String(describing: inputs.current.equity) == String(describing: whole.current.equity))
        #expect(inputs.byDimension.keys.sorted() == whole.byDimension.keys.sorted() && !inputs.byDimension.isEmpty)
        for (dimension, result) in inputs.byDimension {
            #expect(AnalysisJSON.encode(result) == whole.byDimension[dimension].map(AnalysisJSON.encode))
        }
        #expect(inputs.previous?.period == whole.previous?.period)
        #expect(inputs.previous?.metrics == whole.previous?.metrics)
        #expect(inputs.trends == whole.trends && !inputs.trends.isEmpty)
        return (plan, reads, inputs)
    }

    /// The monthly report reads its 12 months at once (its trend months' headline figures look
    /// back three months, P a year: `TrendRuns`); every figure it draws is the one that every
    /// row of the store gives.
    @Test func theMonthlyReportsOneReadGivesTheFiguresOfEveryRow() throws {
        let (plan, reads, inputs) = try Self.readApartAndWhole("monthly")
        #expect(reads.map(\.months.count) == [11])
        #expect(inputs.previous?.period == Period.month(containing: plan.period.from.adding(days: -1)))
        #expect(inputs.trends.allSatisfy { $0.points.count == 12 })
    }

    /// With a 24-month trend the monthly report reads two runs (`TrendRuns`): the newest holds P
    /// and the 13 months from September 2025 (whose 90-day readmission cohort, from June 2025,
    /// is as far back as the six months ending with October, with every family, reach), the
    /// older the 10 before; every figure it draws is the one that every row of the store gives.
    @Test func theMonthlyReportsRunsGiveTheFiguresOfEveryRow() throws {
        let (plan, reads, inputs) = try Self.readApartAndWhole("monthly", trendMonths: 24)
        #expect(reads.map(\.months.count) == [10, 13])
        #expect(reads.map(\.months.first?.from.monthKey) == ["2024-11", "2025-09"])
        // The headline's previous column: September's figures, from the trend
        #expect(inputs.previous?.period == Period.month(containing: plan.period.from.adding(days: -1)))
        #expect(inputs.trends.allSatisfy { $0.points.count == 24 })
    }

    /// `analyze --trend 14 --by program` reads three runs (2, 6 and 6 months); every series is
    /// the one that every row of the store gives.
    @Test func anAnalyzeTrendInRunsGivesTheFiguresOfEveryRow() throws {
        let db = try OutcomesDatabase(path: Self.database)
        let options = AnalysisOptions(period: Self.october)
        let output = try TrendAnalysis.analyze(db, options: options, months: 14, by: [.program],
                                               registry: .builtIn) { $0.cohorts.first?.metrics.ids ?? [] }
        let whole = try Self.wholeStore(db)
        let ids = try #require(Analysis.analyze(whole, options: options, by: [.program]).cohorts.first).metrics.ids
        let expected = Analysis.trend(whole, options: options, metrics: ids, months: 14, by: [.program])
        #expect(TrendJSON.encode(period: Self.october, months: 14, trends: output.trends)
                == TrendJSON.encode(period: Self.october, months: 14, trends: expected))
        #expect(output.trends.count > 3 * ids.count)  // the overall cohort and the programs
    }

    /// The QI review reads its two years one after the other (`ReportInputsLoader.reads`); every
    /// figure it draws is the one that every row of the store, read at once, gives.
    @Test func theQIReviewsYearsReadApartGiveTheFiguresOfEveryRow() throws {
        let (plan, reads, inputs) = try Self.readApartAndWhole("qi-review")
        // Three reads: the previous year's 12 trend months, P's follow-up cohort (for P's
        // post-discharge deterioration), then P's 12 trend months
        #expect(reads.map(\.months.count) == [12, 0, 12])
        #expect(reads.map(\.followUpOfP) == [false, true, false])
        // the program's follow-up cohort (July 2025 to June 2026) had figures to take
        let overall = try #require(inputs.current.overall)
        let deterioration = overall.metrics.ids.filter { $0.hasSuffix("post_discharge_deterioration_rate") }
        #expect(deterioration.count >= 2)
        // The previous year: analysed on its own from the older read, with figures (the program's
        // admissions started in 2023)
        let previous = try #require(inputs.previous)
        #expect(previous.period == plan.previousPeriod)
        #expect(previous.metrics.ids.count > 20)
        #expect(inputs.trends.first?.points.count == 24)
    }
}
