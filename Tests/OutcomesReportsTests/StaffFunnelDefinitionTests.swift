import Testing
@testable import OutcomesReports

@Suite("Funnels by staff in report definitions")
struct StaffFunnelDefinitionTests {
    let vocabulary = ReportDefinition.Vocabulary(
        isKnownMetric: { ["engagement.attendance_rate", "engagement.completion_rate"].contains($0) },
        isKnownInstrument: { _ in false }, cohortDimensions: ["site"])

    private func parse(audience: String, chart: String) throws -> ReportDefinition {
        let text = "title: T\naudience: \(audience)\nsections:\n  - title: S\n    blocks:\n      - chart: \(chart)\n"
        return try ReportDefinition.parse(text, file: "t.yaml", vocabulary: vocabulary)
    }

    @Test func anInternalReportMayShowAttendanceByClinician() throws {
        let read = try parse(
            audience: "internal", chart: "{kind: funnel, metric: engagement.attendance_rate, by: staff}")
        guard case .chart(let request) = read.sections[0].blocks[0] else {
            Issue.record("not a chart")
            return
        }
        #expect(request.by == "staff")
    }

    @Test("staff funnels are internal, and for attendance or no-show rate only", arguments: [
        ("external", "{kind: funnel, metric: engagement.attendance_rate, by: staff}",
         "t.yaml:6: a funnel by staff names clinicians: only internal reports may show it"),
        ("internal", "{kind: funnel, metric: engagement.completion_rate, by: staff}",
         "t.yaml:6: 'by: staff' is for a funnel of engagement.attendance_rate or engagement.no_show_rate"),
    ])
    func refused(audience: String, chart: String, message: String) {
        do {
            _ = try parse(audience: audience, chart: chart)
            Issue.record("accepted")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
