import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Engagement")
struct EngagementTests {
    @Test("episode-weeks: 7-day blocks from admission, partial final week excluded")
    func episodeWeeks() {
        // Given an adult admitted Mon Sep 28, discharged Thu Oct 22. Weeks:
        //   k0 Sep 28-Oct 4 (last day in October), k1 Oct 5-11, k2 Oct 12-18,
        //   k3 Oct 19-25 cut short by the Oct 22 discharge: partial, excluded
        // Service minutes (attended sessions only; attended minutes, else scheduled):
        //   k0: Sep 29 180 + Oct 1 (120 attended of 180) = 300 = 5 h (the Oct 3 no-show adds nothing)
        //   k1: 3 x 180 = 540 = 9 h  -> meets 9 h (inclusive)
        //   k2: 200 + 280 = 480 = 8 h
        // Then 3 complete weeks, 1 adequate, 1 partial; mean (5 + 9 + 8) / 3 = 7.333 h
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("e", admitted: "2026-09-28", discharged: "2026-10-22"),
        ], sessions: [
            Fixture.session("e", "2026-09-29", .attended), Fixture.session("e", "2026-10-01", .attended, attended: 120),
            Fixture.session("e", "2026-10-03", .noShow),
            Fixture.session("e", "2026-10-05", .attended), Fixture.session("e", "2026-10-07", .late),
            Fixture.session("e", "2026-10-09", .leftEarly),
            Fixture.session("e", "2026-10-13", .attended, minutes: 200), Fixture.session("e", "2026-10-15", .attended, minutes: 280),
            Fixture.session("e", "2026-10-20", .attended),
        ])
        let weeks = EpisodeWeeks(Fixture.context(dataset))
        #expect(weeks.completeWeeks == 3 && weeks.totalHours == 5 + 9 + 8)
        #expect(weeks.adequateWeeks == 1)
        #expect(weeks.partialWeeksExcluded == 1)
        var metrics = MetricSet()
        weeks.write(to: &metrics)
        #expect(metrics[MetricID.doseAdequacyRate] == .rate(1, 3))
        #expect(metrics[MetricID.serviceHoursMean] == .statistic(value: 22.0 / 3, n: 3))
    }

    @Test("dose minimum: 6 h under 18, adult minimum when age is missing", arguments: [
        (16, true), (17, true), (18, false), (nil, false),
    ] as [(Int?, Bool)])
    func doseByAge(age: Int?, adequate: Bool) {
        // Given one complete week (admitted Oct 1, discharged on the week's last day Oct 7) with 2 x 180 minutes = 6 h
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("e", admitted: "2026-10-01", discharged: "2026-10-07", age: age),
        ], sessions: [
            Fixture.session("e", "2026-10-02", .attended), Fixture.session("e", "2026-10-04", .attended),
        ])
        let weeks = EpisodeWeeks(Fixture.context(dataset))
        #expect(weeks.completeWeeks == 1)
        #expect((weeks.adequateWeeks == 1) == adequate)
    }

    @Test("attendance, no-show and patient-cancel rates over sessions dated in P")
    func attendanceRates() {
        // Given October sessions: attended, late, left_early (3 attended), no_show, cancelled_patient, excused,
        // cancelled_program (not scheduled), and a September session (outside P)
        // Then scheduled 6, attended 3/6, no-show 1/6, patient cancel 1/6
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-09-20")], sessions: [
            Fixture.session("e", "2026-09-25", .attended),
            Fixture.session("e", "2026-10-01", .attended, type: .individual, modality: .telehealth),
            Fixture.session("e", "2026-10-02", .late), Fixture.session("e", "2026-10-03", .leftEarly),
            Fixture.session("e", "2026-10-04", .noShow), Fixture.session("e", "2026-10-05", .cancelledPatient),
            Fixture.session("e", "2026-10-06", .excused), Fixture.session("e", "2026-10-07", .cancelledProgram),
        ])
        let attendance = SessionAttendance(Fixture.context(dataset))
        var metrics = MetricSet()
        attendance.write(to: &metrics)
        #expect(metrics[MetricID.attendanceRate] == .rate(3, 6))
        #expect(metrics[MetricID.noShowRate] == .rate(1, 6))
        #expect(metrics[MetricID.patientCancelRate] == .rate(1, 6))
        #expect(attendance.programCancellations == 1)
        #expect(attendance.byType.first { $0.category == .individual } == SessionMix(category: .individual, scheduled: 1, attended: 1))
        #expect(attendance.byModality.first { $0.category == .telehealth }?.attended == 1)
        #expect(attendance.attendedPerEpisode == [3])
    }

    @Test("disengagement: latest 3+ scheduled sessions all missed", arguments: [
        // statuses oldest first -> missed run at the end
        ([SessionStatus.attended, .noShow, .cancelledPatient, .noShow], 3),
        ([.noShow, .noShow, .excused, .noShow, .noShow], 2),
        ([.noShow, .noShow, .cancelledProgram, .noShow], 3),
        ([.noShow, .noShow, .noShow, .attended], 0),
    ])
    func missedRun(statuses: [SessionStatus], run: Int) {
        let sessions = statuses.enumerated().map { index, status in
            Fixture.session("e", "2026-10-\(10 + index)", status)
        }
        #expect(Disengagement.missedRun(sessions, through: Fixture.day("2026-10-31")) == run)
    }

    @Test("same-day attendance breaks a run")
    func sameDay() {
        let sessions = [
            Fixture.session("e", "2026-10-10", .noShow), Fixture.session("e", "2026-10-11", .noShow),
            Fixture.session("e", "2026-10-12", .attended), Fixture.session("e", "2026-10-12", .noShow),
        ]
        #expect(Disengagement.missedRun(sessions, through: Fixture.day("2026-10-31")) == 0)
    }

    @Test("completion, dropout and early dropout over discharges in P; days to first session")
    func dischargesAndFirstSession() {
        // Given discharges in October: completed; ama after 14 days (early); lost_to_contact after 15 days (not early);
        // step_up. Then completion 1/4, dropout 2/4, early dropout 1/4.
        // Days to first attended session for admissions in October: Oct 1 -> Oct 4 (3 days; an Oct 2 no-show first),
        // Oct 10 -> none (counted without a session)
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("a", admitted: "2026-09-01", discharged: "2026-10-05", reason: .completed),
            Fixture.episode("b", admitted: "2026-10-01", discharged: "2026-10-15", reason: .ama),
            Fixture.episode("c", admitted: "2026-09-20", discharged: "2026-10-05", reason: .lostToContact),
            Fixture.episode("d", admitted: "2026-10-10", discharged: "2026-10-20", reason: .stepUp),
        ], sessions: [
            Fixture.session("b", "2026-10-02", .noShow), Fixture.session("b", "2026-10-04", .attended),
        ])
        let context = Fixture.context(dataset)
        let outcomes = DischargeOutcomes(context)
        #expect(outcomes.discharges == 4)
        #expect(outcomes.completed == 1)
        #expect(outcomes.dropouts == 2)
        #expect(outcomes.earlyDropouts == 1)
        let first = FirstSession(context)
        #expect(first.days == [3])
        #expect(first.withoutAttendedSession == 1)
    }

    @Test("retention follows admissions of the 12 months ending with P to the end of P")
    func retention() {
        // Given admissions Nov 1 2025 (in the window) and Oct 31 2025 (outside), and Oct 1 2026:
        //   Nov 1 2025 ama on Nov 11 2025: event at 10 days
        //   Oct 1 2026 still active: censored at Oct 31 - Oct 1 = 30 days
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("a", admitted: "2025-11-01", discharged: "2025-11-11", reason: .ama),
            Fixture.episode("b", admitted: "2025-10-31", discharged: "2025-11-02", reason: .ama),
            Fixture.episode("c", admitted: "2026-10-01"),
        ])
        let retention = Retention(Fixture.context(dataset))
        #expect(retention.curve.n == 2)
        #expect(retention.curve.points.map(\.time) == [10])
        #expect(retention.curve.censorTimes == [30])
        #expect(retention.curve.median == 10)
    }
}
