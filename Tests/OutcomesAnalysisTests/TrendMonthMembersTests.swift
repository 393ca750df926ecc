import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("A trend month walks only the episodes its families can read")
struct TrendMonthMembersTests {
    /// "old": 2025-09-01 to 2025-10-31, sessions on 2025-10-06 (attended) and 2025-10-13 (no-show);
    /// "now": admitted 2026-09-01, open, sessions on 2026-09-07 (attended), 2026-09-14 (attended) and
    /// 2026-09-21 (no-show).
    static let dataset = AnalysisDataset(
        episodes: [Fixture.episode("old", admitted: "2025-09-01", discharged: "2025-10-31"),
                   Fixture.episode("now", admitted: "2026-09-01")],
        sessions: [Fixture.session("old", "2025-10-06", .attended), Fixture.session("old", "2025-10-13", .noShow),
                   Fixture.session("now", "2026-09-07", .attended), Fixture.session("now", "2026-09-14", .attended),
                   Fixture.session("now", "2026-09-21", .noShow)])
    static let september = AnalysisOptions(period: Period.month("2026-09")!)

    func ids(_ context: CohortContext) -> [String] {
        context.members.map { Self.dataset.episodes.episodeID(at: $0) }
    }

    @Test func membersFollowTheFamiliesWindows() {
        // September 2026's retention year (October 2025 to September 2026) reaches "old"; attendance
        // reads September only, where "old" has no day
        #expect(ids(CohortContext(dataset: Self.dataset, options: Self.september)) == ["old", "now"])
        #expect(ids(CohortContext(dataset: Self.dataset, options: Self.september, families: [.attendance])) == ["now"])
    }

    @Test func followUpDeteriorationAloneWalksItsCohortsDischarges() {
        // February 2026's follow-up cohort is October 2025 (2025-10-31 + 105 days = 2026-02-13;
        // November's would end 2026-03-15): "old", discharged 2025-10-31, is in it; "open",
        // admitted 2025-10-06 and still active, is open in every month from October on but
        // discharged in none of them, so no pair of the cohort can be its.
        let dataset = AnalysisDataset(episodes: [Fixture.episode("old", admitted: "2025-09-01", discharged: "2025-10-31"),
                                                 Fixture.episode("open", admitted: "2025-10-06")])
        let february = AnalysisOptions(period: Period.month("2026-02")!)
        let followUp = CohortContext(dataset: dataset, options: february, families: [.postDischargeDeterioration])
        #expect(followUp.members.map { dataset.episodes.episodeID(at: $0) } == ["old"])
        // With every family, both: "open" is in February's census.
        #expect(CohortContext(dataset: dataset, options: february).members.count == 2)
    }

    @Test func theMonthsFiguresAreThoseOfEveryEpisode() {
        // Attendance in September: 2 of 3 scheduled, from "now" alone, with or without "old"
        let metrics = [MetricID.attendanceRate, MetricID.noShowRate]
        let month = Analysis.trendMonth(Self.dataset, options: Self.september, metrics: metrics)
        let every = CohortResult(key: .overall, context: CohortContext(dataset: Self.dataset, options: Self.september),
                                 families: MetricFamily.needed(for: metrics)).metrics
        #expect(month.values[.overall]?[MetricID.attendanceRate] == .rate(2, 3))
        #expect(metrics.allSatisfy { month.values[.overall]?[$0] == every[$0] })
    }
}
