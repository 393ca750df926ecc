import OutcomesCore
import Testing
@testable import OutcomesAnalysis
@testable import OutcomesReports

@Suite("SPC adjustments in report definitions")
struct SPCAdjustmentTests {
    let vocabulary = ReportDefinition.Vocabulary(
        isKnownMetric: { $0 == "engagement.attendance_rate" }, isKnownInstrument: { _ in false }, cohortDimensions: [])

    private func definition(_ chart: String) throws -> ReportDefinition {
        let text = "title: T\nsections:\n  - title: S\n    blocks:\n      - chart: \(chart)\n"
        return try ReportDefinition.parse(text, file: "t.yaml", vocabulary: vocabulary)
    }

    private func month(_ text: String) -> Period { Period.month(text)! }

    @Test func anSPCChartReadsFreezePhasesExcludeAndNote() throws {
        let read = try definition("""
            {kind: spc, metric: engagement.attendance_rate, freeze: 2025-06, phases: [2026-03], \
            exclude: [2025-12], note: New booking system in March 2026}
            """)
        guard case .chart(let request) = read.sections[0].blocks[0] else {
            Issue.record("not a chart")
            return
        }
        #expect(request.adjustments == SPCAdjustments(
            freeze: month("2025-06"), phases: [month("2026-03")], exclude: [month("2025-12")],
            note: "New booking system in March 2026"))
    }

    @Test("mistakes name the file and line", arguments: [
        ("{kind: spc, metric: engagement.attendance_rate, freeze: 2025-06}",
         "t.yaml:5: an spc chart with freeze, phases or exclude needs a 'note' saying why"),
        ("{kind: trend, metric: engagement.attendance_rate, phases: [2026-03], note: x}",
         "t.yaml:5: 'note' applies to spc charts only"),
        ("{kind: spc, metric: engagement.attendance_rate, exclude: [2025-13], note: x}",
         "t.yaml:5: 'exclude' takes months as YYYY-MM, not '2025-13'"),
    ])
    func mistakes(chart: String, message: String) {
        #expect(throws: (any Error).self) { try definition(chart) }
        do {
            _ = try definition(chart)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func monthsBecomePointIndices() {
        // Given six months, January to June 2026
        let months = (1...6).map { month("2026-0\($0)") }
        let adjustments = SPCAdjustments(
            freeze: month("2026-02"), phases: [month("2026-04"), month("2027-01")],
            exclude: [month("2026-05"), month("2025-01")], note: "why")
        // When
        let options = adjustments.options(months: months)
        // Then the baseline is Jan and Feb (2 points), a phase starts at April (after 3 points),
        // May is point 5 (index 4); months outside the chart are ignored
        #expect(options.frozen == FrozenLimits(baseline: 0..<2))
        #expect(options.phaseEnds == [3])
        #expect(options.excluded == [4])
        let sentence = adjustments.sentence { "\($0.from)".prefix(7).description }
        #expect(sentence == "Limits: centre and limits frozen on the months up to 2026-02; new centre and limits from "
            + "2026-04, 2027-01. Why: why")
        #expect(SPCAdjustments(exclude: [month("2026-05")], note: "a data error").sentence { _ in "" }
            == "Why: a data error")
    }

    @Test func aBaselineBeforeTheFirstMonthFreezesNothing() {
        let months = (1...3).map { month("2026-0\($0)") }
        #expect(SPCAdjustments(freeze: month("2025-12"), note: "x").options(months: months).frozen == nil)
    }
}

@Suite("Process changes in report definitions")
struct ProcessChangeTests {
    let vocabulary = ReportDefinition.Vocabulary(
        isKnownMetric: { $0 == "engagement.attendance_rate" }, isKnownInstrument: { _ in false }, cohortDimensions: [])

    @Test func everySPCChartStartsAPhaseAtEachChangeAndSaysWhatChanged() throws {
        // Given a change recorded on 2026-03-15 and two charts
        let text = """
            title: T
            changes:
              - {date: 2026-03-15, description: Evening groups added}
            sections:
              - title: S
                blocks:
                  - chart: {kind: spc, metric: engagement.attendance_rate}
                  - chart: {kind: trend, metric: engagement.attendance_rate}
            """
        let definition = try ReportDefinition.parse(text, file: "t.yaml", vocabulary: vocabulary)
        let requests = definition.sections[0].blocks.compactMap { block -> ChartRequest? in
            if case .chart(let request) = block { return request }
            return nil
        }
        // Then the spc chart carries the change (its month is March), the trend chart does not
        let change = ProcessChange(month: Period.month("2026-03")!, description: "Evening groups added")
        #expect(requests[0].adjustments.changes == [change])
        #expect(requests[1].adjustments.isEmpty)
        // and over January to June, the second phase starts at March (after 2 points)
        let months = (1...6).map { Period.month("2026-0\($0)")! }
        #expect(requests[0].adjustments.options(months: months).phaseEnds == [2])
        #expect(requests[0].adjustments.sentence { "\($0.from)".prefix(7).description }
            == "Limits: new centre and limits from 2026-03. What changed: 2026-03, Evening groups added.")
    }

    @Test func aChangeNeedsADateAndADescription() {
        let text = "title: T\nchanges:\n  - {date: March, description: x}\nsections:\n  - title: S\n"
        #expect(throws: ReportDefinitionError.self) {
            try ReportDefinition.parse(text, file: "t.yaml", vocabulary: vocabulary)
        }
    }
}

@Suite("SPC explanation with phases")
struct SPCExplanationPhaseTests {
    @Test func eachPhaseCentreIsNamedWithTheMonthItStarts() {
        // Given 10, 12, 11 | 20, 22, 21 split after the third month: centres 11 and 21
        let observations = [10.0, 12, 11, 20, 22, 21].enumerated().map {
            SPCObservation(label: "m\($0.offset + 1)", value: $0.element)
        }
        let control = ControlChart.build(.i, observations, options: SPCOptions(phaseEnds: [3]))
        // When
        let sentence = SPCExplanation(control: control, label: "X", isRate: false).sentence
        // Then
        #expect(sentence.hasPrefix("X: centre \(Format.number(11)) from m1, \(Format.number(21)) from m4. No signal"))
    }
}

@Suite("SPC explanation of runs")
struct SPCExplanationRunsTests {
    @Test func aSingleCrossingReadsOnce() {
        // Six months at 1 then six at 9: centre 5, crossed once (Anhøj: fewer than 3 of 11 is unusual)
        let observations = ([Double](repeating: 1, count: 6) + [Double](repeating: 9, count: 6)).enumerated().map {
            SPCObservation(label: "m\($0.offset + 1)", value: $0.element)
        }
        let control = ControlChart.build(.i, observations, options: SPCOptions())
        let sentence = SPCExplanation(control: control, label: "X", isRate: false).sentence
        #expect(sentence.contains("the series crosses the centre line only once (fewer than 3 crossings is unusual)"),
                "\(sentence)")
    }
}
