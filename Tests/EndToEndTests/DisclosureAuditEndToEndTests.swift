import Foundation
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline
import OutcomesStore
import Testing

/// Issue 8: the audit run on every external `analyze` output of the sample program: the
/// metrics overall, `--by program`, `--by program,site`, `--trend 12` and each `--table`. For
/// every withheld count, the least and greatest value consistent with everything else the
/// output prints must differ (nothing recovered), and a "<11" count may be narrowed inside 1 to
/// 10 only where nothing of 11 or more was left to withhold around it (the stderr warning).
@Suite("Disclosure audit of every external output of the sample program", .serialized)
struct DisclosureAuditEndToEndTests {
    static let october = Period.month(containing: Day(iso: "2026-10-01")!)

    /// The sample program loaded once.
    static let database = SampleDatabase.loaded("audit")

    static func dataset() throws -> AnalysisDataset {
        try DatasetLoader.load(OutcomesDatabase(path: database), periods: [AnalysedPeriod(october)], registry: .builtIn)
    }

    /// Every withheld cell of `groups` published as one output passes `audit(_:_:_:)`.
    /// - Returns: how many cells were withheld.
    @discardableResult
    static func audit(_ groups: [MetricDisclosure.Cohorts], _ label: String) -> Int {
        let (output, decision) = MetricDisclosure.decision(groups)
        return audit(output, decision, label)
    }

    /// For every withheld cell, bounds that pin nothing; a "<11" count narrowed inside 1 to 10
    /// only when no count printed in its relations is 11 or more (one could have been withheld).
    /// - Returns: how many cells were withheld.
    @discardableResult
    static func audit(_ output: DisclosureOutput, _ decision: DisclosureControl.Decision, _ label: String) -> Int {
        let withheld = decision.marks.indices.filter { decision.marks[$0].isWithheld }
        for cell in withheld {
            let bounds = decision.bounds[cell]
            let isPinned = bounds.map { range in range.high.map { $0 <= range.low } ?? false } ?? true
            #expect(!isPinned, "\(label): \(output.cells[cell].name) recovered: \(String(describing: bounds))")
        }
        for cell in decision.exposed {
            let neighbours = output.relations.filter { $0.cells.contains(cell) }.flatMap(\.cells)
            #expect(neighbours.allSatisfy { decision.marks[$0] != .shown || output.cells[$0].value <= 10 },
                    "\(label): \(output.cells[cell].name) exposed beside a printed count of 11 or more")
        }
        return withheld.count
    }

    static func cohorts(_ result: AnalysisResult) -> MetricDisclosure.Cohorts {
        result.cohorts.map { (key: $0.key, metrics: $0.metrics) }
    }

    @Test(arguments: [[], [CohortDimension.program], [.program, .site]])
    func metricsOfOneRun(_ dimensions: [CohortDimension]) throws {
        let result = Analysis.analyze(try Self.dataset(), options: AnalysisOptions(period: Self.october), by: dimensions)
        let withheld = Self.audit([Self.cohorts(result)], "by \(dimensions)")
        if !dimensions.isEmpty { #expect(withheld > 0) }  // the sample program has small cohorts
    }

    @Test func aTwelveMonthTrend() throws {
        // As `analyze --trend 12` reads and analyses it: two runs of six months
        let trends = try TrendAnalysis.analyze(OutcomesDatabase(path: Self.database),
                                               options: AnalysisOptions(period: Self.october), months: 12,
                                               registry: .builtIn) { $0.overall?.metrics.ids ?? [] }.trends
        let (months, groups) = MetricDisclosure.monthGroups(trends)
        #expect(months.count == 12)
        #expect(Self.audit(groups, "trend 12") > 0)
    }

    @Test(arguments: DetailTable.allCases)
    func eachTable(_ table: DetailTable) throws {
        let result = Analysis.analyze(try Self.dataset(), options: AnalysisOptions(period: Self.october))
        let overall = try #require(result.overall)
        let detail = table.rows(of: overall, equity: result.equity, instrument: "PHQ-9")
        let published = table.published(columns: detail.columns, rows: detail.rows)
        Self.audit(published.output, published.decision, table.rawValue)
    }
}
