import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Dataset columns and builder")
struct DatasetTests {
    @Test("sessions round-trip through the columns (except the source session id)")
    func sessionRoundTrip() {
        let sessions = [
            Session(sessionID: "S1", episodeID: "e", date: Fixture.day("2026-10-02"), type: .family, modality: .telehealth,
                    status: .leftEarly, scheduledMinutes: 120, attendedMinutes: 90, staffID: "L01"),
            Session(episodeID: "e", date: Fixture.day("2026-10-01"), type: .psychiatry, modality: nil,
                    status: .cancelledProgram, scheduledMinutes: 30),
        ]
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-10-01")], sessions: sessions)
        var expected = sessions.reversed().map { $0 }
        expected[1].sessionID = nil
        #expect(Array(dataset.sessions(ofEpisodeAt: 0)) == expected)
        #expect(dataset.sessionColumns.serviceMinutes(0) == 90)
        #expect(dataset.sessionColumns.serviceMinutes(1) == 0)
    }

    @Test("assessments keep date, instrument, total and timepoint")
    func assessmentRoundTrip() {
        let dataset = AnalysisDataset(episodes: [Fixture.episode("e", admitted: "2026-10-01")], assessments: [
            Fixture.score("e", "2026-10-08", "GAD-7", 9), Fixture.score("e", "2026-10-01", 14, .intake),
        ])
        let rebuilt = Array(dataset.assessments(ofEpisodeAt: 0))
        #expect(rebuilt.map(\.instrument) == ["PHQ-9", "GAD-7"])
        #expect(rebuilt.map(\.score) == [14, 9])
        #expect(rebuilt.map(\.timepoint) == [.intake, nil])
        #expect(dataset.instrumentCodes == ["GAD-7", "PHQ-9"])
    }

    @Test("a dataset built row by row equals one built from whole tables")
    func builder() {
        let episodes = [Fixture.episode("a", admitted: "2026-10-01"), Fixture.episode("b", admitted: "2026-10-03")]
        let sessions = [Fixture.session("b", "2026-10-04", .attended), Fixture.session("a", "2026-10-02", .noShow),
                        Fixture.session("zz", "2026-10-02", .noShow)]
        var builder = AnalysisDataset.Builder(episodes: episodes)
        for session in sessions { builder.append(session) }
        builder.append(Fixture.event("p-a", "2026-10-05", .edVisit))
        let streamed = builder.build()
        let whole = AnalysisDataset(episodes: episodes, sessions: sessions, events: [Fixture.event("p-a", "2026-10-05", .edVisit)])
        #expect(Array(streamed.sessions(ofEpisodeAt: 1)) == Array(whole.sessions(ofEpisodeAt: 1)))
        #expect(streamed.unmatched == UnmatchedRows(sessions: 1, assessments: 0, goals: 0, events: 0))
        #expect(streamed.patientEvents(ofEpisodeAt: 0).map(\.type) == [.edVisit])
        let options = AnalysisOptions(period: Fixture.october)
        #expect(AnalysisJSON.encode(Analysis.analyze(streamed, options: options))
            == AnalysisJSON.encode(Analysis.analyze(whole, options: options)))
    }
}
