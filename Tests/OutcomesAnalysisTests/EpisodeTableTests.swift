import OutcomesCore
import Testing
@testable import OutcomesAnalysis

@Suite("Episodes as compact records")
struct EpisodeTableTests {
    /// Every field set, every optional field missing, a PHP episode, and a second episode of the
    /// first patient with a 64-character key.
    let episodes = [
        Episode(patientKey: String(repeating: "ab", count: 32), episodeID: "E-0001", program: "adult-mh", site: "north",
                levelOfCare: .php, admissionDate: Fixture.day("2026-09-01"), dischargeDate: Fixture.day("2026-10-20"),
                dischargeReason: .stepUp, ageAtAdmission: 120, sex: "F", race: "Asian", ethnicity: "Not Hispanic",
                payer: "Medicaid", referralSource: "ED", primaryDx: "F33.1", plannedWeeks: 6),
        Episode(patientKey: "p2", episodeID: "E-0002", program: "", admissionDate: Fixture.day("1990-01-01")),
        Episode(patientKey: String(repeating: "ab", count: 32), episodeID: "a much longer episode identifier",
                program: "adult-mh", site: "north", admissionDate: Fixture.day("2026-10-25"), ageAtAdmission: 0,
                sex: "F", primaryDx: "north", plannedWeeks: Int(Int32.max) + 1),
    ]

    @Test("each episode reads back as it was appended, through its columns too")
    func roundTrip() {
        let dataset = AnalysisDataset(episodes: episodes)
        let table = dataset.episodes
        var expected = episodes
        // Planned weeks beyond 2^31 - 1 are clamped to 2,147,483,647
        expected[2].plannedWeeks = Int(Int32.max)
        #expect(Array(table) == expected)
        #expect(table.indices.map(table.episodeID) == ["E-0001", "E-0002", "a much longer episode identifier"])
        #expect(table.indices.map(table.admissionDate) == episodes.map(\.admissionDate))
        #expect(table.indices.map(table.dischargeDate) == [Fixture.day("2026-10-20"), nil, nil])
        #expect(table.indices.map(table.dischargeReason) == [.stepUp, nil, nil])
        #expect(table.indices.map(table.program) == ["adult-mh", "", "adult-mh"])
        #expect(table.indices.map(table.ageAtAdmission) == [120, nil, 0])
        // The row view reads the same fields
        let row = table.row(0)
        #expect(row.episodeID == "E-0001" && row.program == "adult-mh" && row.ageAtAdmission == 120)
        #expect(row.admissionDate == Fixture.day("2026-09-01") && row.dischargeDate == Fixture.day("2026-10-20"))
        #expect(row.dischargeReason == .stepUp && table.row(1).dischargeDate == nil)
    }

    /// Runs `body` with `episode` as the store hands it over: its key and texts as bytes (copied
    /// into memory freed afterwards), numbered `number`.
    static func withStoredRow(_ episode: Episode, number: Int64, _ body: (StoredEpisodeRow) -> Void) {
        var owned: [UnsafeMutableBufferPointer<UInt8>] = []
        defer { owned.forEach { $0.deallocate() } }
        func bytes(_ text: String) -> UnsafeBufferPointer<UInt8> {
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.utf8.count)
            _ = buffer.initialize(from: text.utf8)
            owned.append(buffer)
            return UnsafeBufferPointer(buffer)
        }
        let texts: InlineArray<8, UnsafeBufferPointer<UInt8>?> = [
            bytes(episode.program), episode.site.map(bytes), episode.sex.map(bytes), episode.race.map(bytes),
            episode.ethnicity.map(bytes), episode.payer.map(bytes), episode.referralSource.map(bytes),
            episode.primaryDx.map(bytes)]
        body(StoredEpisodeRow(
            number: number, patientKey: bytes(episode.patientKey), episodeID: episode.episodeID, texts: texts,
            levelOfCare: episode.levelOfCare, admissionDate: episode.admissionDate,
            dischargeDate: episode.dischargeDate, dischargeReason: episode.dischargeReason,
            ageAtAdmission: episode.ageAtAdmission, plannedWeeks: episode.plannedWeeks))
    }

    @Test("a stored row appends what its episode appends, patients and texts numbered alike")
    func storedRows() {
        // The fixture's episodes as stored rows, then the first again as an Episode: the same
        // table as from the Episodes, patient 0 (a 64-digit key from its bytes) for episodes 0, 2
        // and 3, patient 1 ("p2") for episode 1
        var fromRows = AnalysisDataset.Builder(episodes: [], registry: .builtIn)
        for (position, episode) in episodes.enumerated() {
            Self.withStoredRow(episode, number: Int64(position + 1)) { fromRows.append($0) }
        }
        fromRows.append(episodes[0])
        let table = fromRows.build().episodes
        var expected = episodes + [episodes[0]]
        expected[2].plannedWeeks = Int(Int32.max)
        #expect(Array(table) == expected)
        #expect(table.indices.map(table.patient) == [0, 1, 0, 0])
        #expect([0, 1].map(table.patientKey(ofPatient:)) == [String(repeating: "ab", count: 32), "p2"])
        #expect(table.indices.map(table.site) == ["north", nil, "north", "north"])
    }

    @Test("a patient's episodes share one patient number and key")
    func patientsAreNumberedOnce() {
        let table = AnalysisDataset(episodes: episodes).episodes
        // Episodes 0 and 2 are the same patient (number 0); episode 1 is patient 1
        #expect(table.indices.map(table.patient) == [0, 1, 0])
        #expect([0, 1].map(table.patientKey(ofPatient:)) == [String(repeating: "ab", count: 32), "p2"])
    }

    @Test("texts numbered beyond 16 bits are kept aside and read back")
    func textsKeptAside() {
        // 70,000 episodes, each with its own diagnosis. Texts are numbered by first use: "p" 0,
        // "dx0" 1, "F" 2 (episode 1's sex), then "dx<i>" i + 2. Numbers from 65,534 on do not fit a
        // record's 16 bits beside its two marks (65,534 kept aside, 65,535 not recorded): "dx65531"
        // (65,533) fits, "dx65532" (65,534) onwards are kept aside
        let day = Fixture.day("2026-10-01")
        let episodes = (0..<70_000).map { index in
            Episode(patientKey: "p\(index)", episodeID: "e\(index)", program: "p", admissionDate: day,
                    sex: index.isMultiple(of: 2) ? nil : "F", primaryDx: "dx\(index)")
        }
        let table = AnalysisDataset(episodes: episodes).episodes
        #expect(Array(table) == episodes)
        #expect([65_531, 65_532, 69_999].map { table[$0].primaryDx } == ["dx65531", "dx65532", "dx69999"])
        #expect([65_532, 65_533].map { table.sex(at: $0) } == [nil, "F"])
    }
}
