import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Code positions of the compact columns")
struct CaseSlotTests {
    @Test("each code's slot is its position in allCases, and not recorded comes after the last")
    func slotsFollowAllCases() {
        // Given every case of each code, When slotted, Then slot = index in allCases (0, 1, 2, ...)
        #expect(SessionType.allCases.map(CaseSlot.of) == Array(0..<6))
        #expect(SessionStatus.allCases.map(CaseSlot.of) == Array(0..<7))
        #expect(Modality.allCases.map { CaseSlot.of($0) } == Array(0..<2))
        #expect(Timepoint.allCases.map { CaseSlot.of($0) } == Array(0..<6))
        // And nil (not recorded) is allCases.count: 2 modalities, 6 timepoints
        #expect(CaseSlot.of(Modality?.none) == 2)
        #expect(CaseSlot.of(Timepoint?.none) == 6)
    }

    @Test("sessions and scores keep their codes through the columns")
    func columnsRoundTrip() {
        // Given one session of each status (types and modalities cycling) and one score per timepoint
        let statuses = SessionStatus.allCases
        let sessions = statuses.indices.map { index in
            Fixture.session("e", "2026-10-0\(index + 1)", statuses[index],
                            type: SessionType.allCases[index % SessionType.allCases.count],
                            modality: index % 3 == 2 ? nil : Modality.allCases[index % 3])
        }
        let timepoints: [Timepoint?] = Timepoint.allCases + [nil]
        let assessments = timepoints.indices.map { index in
            Fixture.score("e", "2026-10-0\(index + 1)", 5, timepoints[index])
        }
        // When stored as columns
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-09-01", discharged: nil)],
                                      sessions: sessions, assessments: assessments)
        // Then each row reads back the codes it was given
        #expect(sessions.indices.map { dataset.sessionColumns.status($0) } == statuses)
        #expect(sessions.indices.map { dataset.sessionColumns.type($0) } == sessions.map(\.type))
        #expect(sessions.indices.map { dataset.sessionColumns.modality($0) } == sessions.map(\.modality))
        #expect(timepoints.indices.map { dataset.assessmentColumns.timepoint($0) } == timepoints)
    }
}
