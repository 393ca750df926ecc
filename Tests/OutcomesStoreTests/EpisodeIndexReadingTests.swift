import Testing
import OutcomesCore
@testable import OutcomesStore

@Suite("The episode index a load reads")
struct EpisodeIndexReadingTests {
    static let pseudonymA = String(repeating: "0a", count: 32), pseudonymB = String(repeating: "f9", count: 32)
    /// 64 characters, as the schema asks, but not a pseudonym (uppercase digits): before both
    /// pseudonyms in byte order ("0A" < "0a"), after them in the index.
    static let other = String(repeating: "0A", count: 32)

    static func episode(_ id: String, patient: String, admission: String, discharge: String?) -> Episode {
        Episode(patientKey: patient, episodeID: id, program: "adult-mh", admissionDate: Day(iso: admission)!,
                dischargeDate: discharge.flatMap { Day(iso: $0) }, dischargeReason: discharge == nil ? nil : .completed)
    }

    @Test func everyStoredEpisodeIsFoundByIdAndByPatient() throws {
        let db = try OutcomesDatabase.inMemory()
        let stored = [
            Self.episode("E2", patient: Self.pseudonymB, admission: "2026-09-01", discharge: "2026-10-15"),
            Self.episode("E10", patient: Self.other, admission: "2026-10-01", discharge: nil),
            Self.episode("E1", patient: Self.pseudonymA, admission: "2026-08-03", discharge: "2026-08-31"),
            Self.episode("E3", patient: Self.pseudonymA, admission: "2026-10-05", discharge: nil),
        ]
        let index = try db.loadRun(dryRun: true) { run in
            _ = try run.loadFile(file: "e.csv", table: .episodes, sha256: String(repeating: "7", count: 64),
                                 parameters: "{}", softwareVersion: "t", loadedAt: "t") { load in
                for episode in stored { try load.store(PreparedRecord(episode)) }
            }
            return try run.episodeSpanIndex(byPatient: true)
        }
        #expect(index.count == 4)
        for episode in stored { #expect(index.span(ofEpisode: episode.episodeID) == episode.span) }
        #expect(index.span(ofEpisode: "E4") == nil)
        #expect(index.episodes(ofPatient: Self.pseudonymA) == ["E1": stored[2].span, "E3": stored[3].span])
        #expect(index.episodes(ofPatient: Self.pseudonymB) == ["E2": stored[0].span])
        #expect(index.episodes(ofPatient: Self.other) == ["E10": stored[1].span])
        #expect(index.episodes(ofPatient: Self.pseudonymB.uppercased()) == [:])
    }

    @Test func withoutPatientsOnlyIdsAreRead() throws {
        let db = try OutcomesDatabase.inMemory()
        let index = try db.loadRun(dryRun: true) { run in
            _ = try run.loadFile(file: "e.csv", table: .episodes, sha256: String(repeating: "8", count: 64),
                                 parameters: "{}", softwareVersion: "t", loadedAt: "t") { load in
                try load.store(PreparedRecord(Self.episode("E1", patient: Self.pseudonymA, admission: "2026-08-03",
                                                           discharge: nil)))
            }
            return try run.episodeSpanIndex(byPatient: false)
        }
        #expect(index.span(ofEpisode: "E1") == EpisodeSpan(admission: Day(iso: "2026-08-03")!, discharge: nil))
        #expect(index.episodes(ofPatient: Self.pseudonymA) == [:])
    }
}
