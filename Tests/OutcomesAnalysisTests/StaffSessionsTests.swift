import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Sessions by clinician")
struct StaffSessionsTests {
    private func session(_ date: String, _ status: SessionStatus, staff: String?) -> Session {
        var session = Fixture.session("e", date, status)
        session.staffID = staff
        return session
    }

    @Test("each clinician's scheduled, attended and no-show sessions in P, unrecorded last")
    func tallies() {
        // Given October sessions: B attended, late, no-show, cancelled by the program;
        // A left early, cancelled by the patient; one without a clinician (no-show); one in September (A)
        let dataset = AnalysisDataset(episodes: [
            Fixture.episode("e", admitted: "2026-09-01", discharged: nil),
        ], sessions: [
            session("2026-10-01", .attended, staff: "B"), session("2026-10-02", .late, staff: "B"),
            session("2026-10-03", .noShow, staff: "B"), session("2026-10-04", .cancelledProgram, staff: "B"),
            session("2026-10-05", .leftEarly, staff: "A"), session("2026-10-06", .cancelledPatient, staff: "A"),
            session("2026-10-07", .noShow, staff: nil), session("2026-09-30", .attended, staff: "A"),
        ])
        // When
        let byStaff = SessionAttendance(Fixture.context(dataset)).byStaff
        // Then A: scheduled 2 (left early, patient cancel), attended 1, no-shows 0
        //      B: scheduled 3 (the program cancellation is outside every denominator), attended 2, no-shows 1
        //      unrecorded: scheduled 1, no-shows 1; September is outside P
        var a = StaffSessions(staff: "A")
        (a.scheduled, a.attended, a.noShows) = (2, 1, 0)
        var b = StaffSessions(staff: "B")
        (b.scheduled, b.attended, b.noShows) = (3, 2, 1)
        var unrecorded = StaffSessions(staff: nil)
        (unrecorded.scheduled, unrecorded.attended, unrecorded.noShows) = (1, 0, 1)
        #expect(byStaff == [a, b, unrecorded])
    }
}
