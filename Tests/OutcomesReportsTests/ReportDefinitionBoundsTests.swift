import Testing
@testable import OutcomesReports

@Suite("Report definition bounds")
struct ReportDefinitionBoundsTests {
    let vocabulary = ReportDefinition.Vocabulary(
        isKnownMetric: { $0 == "engagement.attendance_rate" }, isKnownInstrument: { _ in false }, cohortDimensions: [])

    func definition(trendMonths: String, target: String = "0.8") -> String {
        """
        title: T
        trend_months: \(trendMonths)
        sections:
          - title: S
            blocks:
              - headline:
                  - {metric: engagement.attendance_rate, target: \(target)}
        """
    }

    @Test("Issue 9.5: trend_months outside 1...120 is refused with file and line", arguments: [
        ("-3", "t.yaml:2: 'trend_months' must be from 1 to 120; it is -3"),
        ("100000", "t.yaml:2: 'trend_months' must be from 1 to 120; it is 100000"),
        ("0", "t.yaml:2: 'trend_months' must be from 1 to 120; it is 0"),
        ("121", "t.yaml:2: 'trend_months' must be from 1 to 120; it is 121"),
    ])
    func trendMonthsOutOfBounds(_ months: String, _ expected: String) {
        do {
            _ = try ReportDefinition.parse(definition(trendMonths: months), file: "t.yaml", vocabulary: vocabulary)
            Issue.record("expected an error for trend_months \(months)")
        } catch {
            #expect("\(error)" == expected)
        }
    }

    @Test("trend_months at the bounds 1 and 120 is accepted", arguments: [1, 120])
    func trendMonthsAtBounds(_ months: Int) throws {
        let text = definition(trendMonths: String(months))
        let parsed = try ReportDefinition.parse(text, file: "t.yaml", vocabulary: vocabulary)
        #expect(parsed.trendMonths == months)
    }

    @Test("a target that is not a finite number is refused", arguments: [".nan", "1e400", "inf"])
    func nonFiniteTarget(_ target: String) {
        do {
            let text = definition(trendMonths: "12", target: target)
            _ = try ReportDefinition.parse(text, file: "t.yaml", vocabulary: vocabulary)
            Issue.record("expected an error for target \(target)")
        } catch {
            #expect("\(error)" == "t.yaml:7: 'target' must be a finite number")
        }
    }
}
