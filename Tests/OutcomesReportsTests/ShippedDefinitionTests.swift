import Foundation
import Testing
@testable import OutcomesReports

/// The definitions in `Reports/` load, and say what their reports promise.
@Suite("shipped report definitions")
struct ShippedDefinitionTests {
    static let reports = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Reports")

    let vocabulary = ReportDefinition.Vocabulary(
        isKnownMetric: { $0.split(separator: ".").count >= 2 }, isKnownInstrument: { _ in true },
        cohortDimensions: ["program", "site", "race", "ethnicity", "sex", "age_band", "payer"])

    func load(_ name: String) throws -> ReportDefinition {
        try ReportDefinition.load(path: Self.reports.appendingPathComponent("\(name).yaml").path, vocabulary: vocabulary)
    }

    func tables(_ definition: ReportDefinition) -> [ReportTableKind] {
        definition.sections.flatMap(\.blocks).compactMap { if case .table(let t) = $0 { return t.kind } else { return nil } }
    }

    @Test func theMonthlyReportIsInternalWithAWatchList() throws {
        let monthly = try load("monthly")
        #expect(monthly.audience == .internal)
        #expect(tables(monthly).contains(.watchList))
        // At most 25 rows, so that a network's report keeps to the 4 to 10 pages of SPEC section 1.
        let watchList = monthly.sections.flatMap(\.blocks).compactMap { block -> TableRequest? in
            if case .table(let table) = block, table.kind == .watchList { return table } else { return nil }
        }
        #expect(watchList.map(\.maxRows) == [25])
    }

    @Test func theAccreditationPacketIsExternalWithContentsAndProvenance() throws {
        let packet = try load("accreditation")
        #expect(packet.audience == .external)
        #expect(packet.cover)
        #expect(packet.period == .trailing12Months)
        #expect(tables(packet).contains(.contents))
        #expect(tables(packet).contains(.provenance))
        #expect(!tables(packet).contains(.watchList))
    }

    @Test func theQIReviewHasSPCChartsOver24Months() throws {
        let review = try load("qi-review")
        #expect(review.trendMonths == 24)
        let spc = review.sections.flatMap(\.blocks).filter { if case .chart(let c) = $0 { return c.kind == .spc } else { return false } }
        #expect(spc.count >= 3)
    }
}
