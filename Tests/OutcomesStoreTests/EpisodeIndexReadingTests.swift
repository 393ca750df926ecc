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

    @Test func idsStoredInAnyOrderAreIndexedInTheirByteOrder() throws {
        // Given ids stored out of order: one a prefix of others ("E"), a lowercase one (0x65 after 0x45),
        // one beginning with a two-byte character (0xC3 0x89, after every ASCII byte) and digits compared as
        // bytes ("E09" before "E1", "E1" before "E10")
        let ids = ["É1", "E10", "e1", "E", "E1", "E09", "Z"]
        let db = try OutcomesDatabase.inMemory()
        let index = try db.loadRun(dryRun: true) { run in
            _ = try run.loadFile(file: "e.csv", table: .episodes, sha256: String(repeating: "9", count: 64),
                                 parameters: "{}", softwareVersion: "t", loadedAt: "t") { load in
                for (number, id) in ids.enumerated() {
                    let admission = "2026-08-0\(number + 1)"
                    try load.store(PreparedRecord(Self.episode(id, patient: Self.pseudonymA, admission: admission,
                                                               discharge: number.isMultiple(of: 2) ? "2026-09-30" : nil)))
                }
            }
            return try run.episodeSpanIndex(byPatient: true)
        }
        // Then every id finds its own span (a lookup halves over the byte order), and the patient has all seven
        #expect(index.count == ids.count)
        for (number, id) in ids.enumerated() {
            let expected = EpisodeSpan(admission: Day(iso: "2026-08-0\(number + 1)")!,
                                       discharge: number.isMultiple(of: 2) ? Day(iso: "2026-09-30") : nil)
            #expect(index.span(ofEpisode: id) == expected, "\(id)")
        }
        #expect(index.episodes(ofPatient: Self.pseudonymA).count == ids.count)
        #expect(index.span(ofEpisode: "E0") == nil)
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
