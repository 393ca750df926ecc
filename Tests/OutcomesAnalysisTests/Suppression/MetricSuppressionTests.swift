import Testing
import OutcomesCore
@testable import OutcomesAnalysis

@Suite("Suppression of metrics published per cohort")
struct MetricSuppressionTests {
    func cohorts(_ discharges: [String: Int]) -> [(key: CohortKey, metrics: MetricSet)] {
        var overall = MetricSet()
        overall.set(MetricID.discharges, .count(discharges.values.reduce(0, +)))
        var list = [(key: CohortKey.overall, metrics: overall)]
        for (program, count) in discharges.sorted(by: { $0.key < $1.key }) {
            var metrics = MetricSet()
            metrics.set(MetricID.discharges, .count(count))
            list.append((CohortKey([CohortKey.Component(.program, program)]), metrics))
        }
        return list
    }

    @Test func aSmallCohortAndItsSmallestNeighbourAreHidden() {
        // Given discharges a = 4, b = 30, c = 25 (overall 59)
        // When suppressed: a is 1-10 (primary); hiding a alone, 59 - 30 - 25 = 4 recovers it,
        // so the smallest other cohort, c = 25, is hidden too; b and the overall stay shown.
        let hidden = MetricSuppression.hidden(cohorts(["a": 4, "b": 30, "c": 25]))
        #expect(hidden[CohortKey([.init(.program, "a")])] == [MetricID.discharges])
        #expect(hidden[CohortKey([.init(.program, "c")])] == [MetricID.discharges])
        #expect(hidden[CohortKey([.init(.program, "b")])] == nil)
        #expect(hidden[.overall] == nil)
    }

    @Test func aSmallOverallFigureIsHiddenToo() {
        // Given one cohort of 7: the overall 7 is itself 1-10.
        let hidden = MetricSuppression.hidden(cohorts(["a": 7]))
        #expect(hidden[.overall] == [MetricID.discharges])
        #expect(hidden[CohortKey([.init(.program, "a")])] == [MetricID.discharges])
    }

    @Test func zerosAndLargeCountsStayVisible() {
        let hidden = MetricSuppression.hidden(cohorts(["a": 0, "b": 40]))
        #expect(hidden.isEmpty)
    }
}

@Suite("Metric patterns")
struct MetricPatternTests {
    @Test("patterns match identifiers", arguments: [
        ("engagement.*", "engagement.attendance_rate", true),
        ("engagement.*", "census.admissions", false),
        ("outcomes.*.recovery_rate", "outcomes.PHQ-9.recovery_rate", true),
        ("outcomes.*.recovery_rate", "outcomes.PHQ-9.pairs", false),
        ("outcomes.PHQ-9.*", "outcomes.GAD-7.pairs", false),
        ("census.admissions, goals.*", "goals.t50_rate", true),
        ("census.admissions", "census.admissions_x", false),
    ])
    func matching(_ pattern: String, _ id: String, _ expected: Bool) {
        #expect(MetricPattern(pattern).matches(id) == expected)
    }
}
