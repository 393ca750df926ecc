import Foundation
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline
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
        let periods = DatasetLoader.analyzedPeriods(Self.october, trendMonths: 12)
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
}
