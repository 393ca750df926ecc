import Foundation
import Testing
@testable import OutcomesReports

@Suite("Report definitions")
struct ReportDefinitionTests {
    let vocabulary = ReportDefinition.Vocabulary(
        isKnownMetric: { ["engagement.attendance_rate", "census.admissions"].contains($0) },
        isKnownInstrument: { $0 == "PHQ-9" },
        cohortDimensions: ["program", "site"])

    @Test func aDefinitionReadsInOrder() throws {
        let text = """
        title: Test report
        audience: external
        sections:
          - title: Summary
            blocks:
              - headline:
                  - {metric: engagement.attendance_rate, target: 0.8}
              - chart: {kind: trend, metric: census.admissions, width: half}
              - table: {kind: outcomes, instrument: PHQ-9}
        """
        let definition = try ReportDefinition.parse(text, file: "t.yaml", vocabulary: vocabulary)
        #expect(definition.audience == .external)
        #expect(definition.period == .month)
        #expect(definition.sections.count == 1)
        #expect(definition.sections[0].blocks == [
            .headline([HeadlineMetric(metric: "engagement.attendance_rate", label: nil, target: 0.8, higherIsBetter: true)]),
            .chart(ChartRequest(kind: .trend, metric: "census.admissions", instrument: nil, by: nil, target: nil, fullWidth: false)),
            .table(TableRequest(kind: .outcomes, instrument: "PHQ-9", by: nil)),
        ])
    }

    @Test("errors name the file and the line", arguments: [
        ("title: T\nsections:\n  - title: S\n    blocks:\n      - metrics: [engagement.attendance_rate, nope.metric]\n",
         "t.yaml:5: unknown metric 'nope.metric'"),
        ("title: T\nsections:\n  - title: S\n    blocks:\n      - chart: {kind: pie}\n",
         "t.yaml:5: unknown kind 'pie'; expected one of: trend, spc, discharge_reasons, session_mix, severity_bands, change_by_cohort, severity_shift, retention, goal_attainment, funnel, trajectories"),
        ("title: T\nsections:\n  - title: S\n    colour: red\n", "t.yaml:4: unknown key 'colour'; expected one of: blocks, new_page, title"),
        ("title: T\nsections:\n  - title: S\n    blocks:\n      - chart: {kind: funnel, by: planet}\n",
         "t.yaml:5: unknown cohort dimension 'planet'; expected one of: program, site"),
        ("title: T\naudience: external\nsections:\n  - title: S\n    blocks:\n      - table: {kind: watch_list}\n",
         "t.yaml:6: the watch list names episodes: only internal reports may show it"),
        ("title: T\naudience: external\nsections:\n  - title: S\n    blocks:\n      - chart: {kind: trajectories, instrument: PHQ-9}\n",
         "t.yaml:6: individual trajectories are for internal reports only"),
        ("title: T\nsections:\n  - title: S\n    blocks:\n      - table: {kind: census, max_rows: 5}\n",
         "t.yaml:5: 'max_rows' is for the watch list"),
        ("title: T\nsections:\n  - title: S\n    blocks:\n      - table: {kind: watch_list, max_rows: 0}\n",
         "t.yaml:5: 'max_rows' must be from 1 to 100000; it is 0"),
    ])
    func errors(_ text: String, _ expected: String) {
        #expect(throws: ReportDefinitionError.self) { try ReportDefinition.parse(text, file: "t.yaml", vocabulary: vocabulary) }
        do {
            _ = try ReportDefinition.parse(text, file: "t.yaml", vocabulary: vocabulary)
        } catch {
            #expect("\(error)" == expected)
        }
    }
}
