import Testing
@testable import OutcomesReports

@Suite("program targets replace a definition's")
struct DefinitionTargetsTests {
    let vocabulary = ShippedDefinitionTests().vocabulary

    @Test func targetsReplaceTheDefinitionsForTheirMetricsOnly() throws {
        // Given the monthly report: attendance target 0.80 (headline and trend chart), no-show 0.10
        let monthly = try ReportDefinition.resolve("monthly", folder: nil, vocabulary: vocabulary)
        // When the program sets attendance to 0.85
        let changed = monthly.replacingTargets(["engagement.attendance_rate": 0.85])
        // Then every attendance target is 0.85 and the no-show target stays 0.10
        func targets(_ definition: ReportDefinition, _ metric: String) -> [Double?] {
            definition.sections.flatMap(\.blocks).flatMap { block -> [Double?] in
                switch block {
                case .headline(let items): return items.filter { $0.metric == metric }.map(\.target)
                case .chart(let chart): return chart.metric == metric ? [chart.target] : []
                default: return []
                }
            }
        }
        #expect(targets(monthly, "engagement.attendance_rate") == [0.80, 0.80])
        #expect(targets(changed, "engagement.attendance_rate") == [0.85, 0.85])
        #expect(targets(changed, "engagement.no_show_rate") == targets(monthly, "engagement.no_show_rate"))
        #expect(monthly.replacingTargets([:]) == monthly)
    }
}
