import Testing
import OutcomesCore
@testable import OutcomesAnalysis

@Suite("Disclosure control of metrics published per cohort (analyze --suppress)")
struct MetricDisclosureTests {
    func cohorts(_ discharges: [String: Int]) -> MetricDisclosure.Cohorts {
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

    func program(_ name: String) -> CohortKey { CohortKey([.init(.program, name)]) }

    @Test func aSmallCohortAndItsSmallestNeighbourAreWithheld() {
        // Given discharges a = 4, b = 30, c = 25 (overall 59)
        // When suppressed: a is 1-10 (primary, "<11"); hiding a alone, 59 - 30 - 25 = 4 recovers it,
        // so the smaller other cohort, c = 25, is withheld too ("suppressed": a = 29 - c with c >= 11
        // leaves a anywhere from 1 to 10); b and the overall stay shown.
        let (marks, protected) = MetricDisclosure.protect([cohorts(["a": 4, "b": 30, "c": 25])])
        #expect(protected)
        #expect(marks[0][program("a")] == [MetricID.discharges: .primary])
        #expect(marks[0][program("c")] == [MetricID.discharges: .complementary])
        #expect(marks[0][program("b")] == nil)
        #expect(marks[0][.overall] == nil)
    }

    @Test func aSmallOverallFigureIsWithheldToo() {
        // Given one cohort of 7: the overall 7 is itself 1-10, and equal to it; both "<11"
        let (marks, _) = MetricDisclosure.protect([cohorts(["a": 7])])
        #expect(marks[0][.overall] == [MetricID.discharges: .primary])
        #expect(marks[0][program("a")] == [MetricID.discharges: .primary])
    }

    @Test func zerosAndLargeCountsStayVisible() {
        #expect(MetricDisclosure.protect([cohorts(["a": 0, "b": 40])]).marks[0].isEmpty)
    }

    @Test func noPairBesidePairsIsProtectedThroughTheScoredDischarges() {
        // PHQ-9: 14 pairs of 15 scored discharges, 1 without a pair. Pairs and "no pair" share
        // the 15: withholding "no pair" alone gives 15 - 14 = 1, so pairs (its 14 and 15) go too.
        var metrics = MetricSet()
        metrics.set(MetricID.outcome("PHQ-9", "pairs"), .proportion(value: 14.0 / 15, num: 14, den: 15))
        metrics.set(MetricID.outcome("PHQ-9", "no_pair"), .count(1))
        metrics.set(MetricID.discharges, .count(40))
        let (marks, protected) = MetricDisclosure.protect([[(key: .overall, metrics: metrics)]])
        #expect(protected)
        #expect(marks[0][.overall]?[MetricID.outcome("PHQ-9", "no_pair")] == .primary)
        #expect(marks[0][.overall]?[MetricID.outcome("PHQ-9", "pairs")] == .complementary)
        #expect(marks[0][.overall]?[MetricID.discharges] == nil)
    }

    @Test func aTrendIsOneOutputWithEachMonthProtected() {
        // Discharges by program in two months: September a = 4, b = 30 (overall 34), October
        // a = 12, b = 20 (32). September's a is "<11" and b "suppressed" (34 - 30 would give
        // a back); October is shown whole.
        let september = Period(from: Day(iso: "2026-09-01")!, to: Day(iso: "2026-09-30")!)
        let october = Period(from: Day(iso: "2026-10-01")!, to: Day(iso: "2026-10-31")!)
        func trend(_ key: CohortKey, _ counts: [Int]) -> MetricTrend {
            MetricTrend(key: key, metric: MetricID.discharges,
                        points: zip([september, october], counts).map { TrendPoint(period: $0, value: .count($1)) })
        }
        let trends = [trend(.overall, [34, 32]), trend(program("a"), [4, 12]), trend(program("b"), [30, 20])]
        let (marks, protected) = MetricDisclosure.protect(trends: trends)
        #expect(protected)
        #expect(marks["2026-09"]?[program("a")]?[MetricID.discharges] == .primary)
        #expect(marks["2026-09"]?[program("b")]?[MetricID.discharges] == .complementary)
        #expect(marks["2026-09"]?[.overall] == nil)
        #expect(marks["2026-10"]?.isEmpty == true)
        let csv = TrendCSV.encode(trends, dimensions: [.program], withheld: marks)
        #expect(csv.contains("a,census.discharges,2026-09,,,,<11,,\r\n"))
        #expect(csv.contains("a,census.discharges,2026-10,12,,,12,,\r\n"))
    }

    @Test func theOutputsPrintTheMarkOfEachWithheldMetric() {
        let cohorts = cohorts(["a": 4, "b": 30, "c": 25])
        let marks = MetricDisclosure.protect([cohorts]).marks[0]
        let period = Period(from: Day(iso: "2026-10-01")!, to: Day(iso: "2026-10-31")!)
        let json = AnalysisJSON.encode(period: period, cohorts: cohorts, withheld: marks)
        #expect(json.contains(#""census.discharges": {"value": null, "suppressed": true, "shown_as": "<11"}"#))
        #expect(json.contains(#""census.discharges": {"value": null, "suppressed": true, "shown_as": "suppressed"}"#))
        let csv = AnalysisCSV.encode(dimensions: [.program], cohorts: cohorts, withheld: marks)
        #expect(csv.contains("a,census.discharges,,,,<11,,\r\n"))
        #expect(csv.contains("c,census.discharges,,,,suppressed,,\r\n"))
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
