import OutcomesAnalysis
import OutcomesCore
import Testing
@testable import OutcomesReports

/// What a report plans to compute: the dimensions its charts cut by, and per dimension only the
/// metric families those charts draw.
@Suite("report plans")
struct ReportPlanTests {
    let vocabulary = ShippedDefinitionTests().vocabulary
    let october = Period.month("2026-10")!

    @Test("the QI review computes, per program and per site, only the families its charts by them draw")
    func qiReviewFamilies() throws {
        let plan = ReportPlan(try ShippedDefinitionTests().load("qi-review"), month: october)
        // Funnels of completion (a discharge outcome) and attendance by program and by site, and
        // change by cohort of PHQ-9 (the outcomes family) by program.
        #expect(plan.dimensions == [.program, .site])
        #expect(plan.dimensionFamilies == [
            .program: [.dischargeOutcomes, .attendance, .outcomes],
            .site: [.dischargeOutcomes, .attendance],
        ])
    }

    @Test("a retention chart needs retention; a chart with no narrower rule needs every family")
    func chartFamilies() throws {
        let definition = try ReportDefinition.parse("""
            title: Custom
            period: month
            sections:
              - title: By program
                blocks:
                  - chart: {kind: retention, by: program}
                  - chart: {kind: discharge_reasons, by: site}
            """, file: "custom.yaml", vocabulary: vocabulary)
        let plan = ReportPlan(definition, month: october)
        #expect(plan.dimensionFamilies == [.program: [.retention], .site: Set(MetricFamily.allCases)])
    }

    @Test("only a report with a trajectories chart has P's analysis keep trajectories")
    func trajectoriesArePlannedByTheirChart() throws {
        // monthly.yaml draws PHQ-9 trajectories; the QI review and the accreditation packet draw none
        let drawing = try ["monthly", "qi-review", "accreditation"].map {
            ReportPlan(try ShippedDefinitionTests().load($0), month: october).drawsTrajectories
        }
        #expect(drawing == [true, false, false])
    }
}
