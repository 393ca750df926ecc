import Testing
import OutcomesCore
@testable import OutcomesStore

@Suite("Streaming the goals of numbered episodes")
struct GoalStreamingTests {
    @Test("only the episodes in the ranges, each episode's goals in goal id order")
    func goalsOfEpisodeRanges() throws {
        // Given three episodes, E1 with goals G2 then G1 loaded in that order, E2 and E3 with one goal each
        let key = String(repeating: "b", count: 64)
        let day = { (text: String) in Day(iso: text)! }
        let episodes = ["E1", "E2", "E3"].map {
            Episode(patientKey: key, episodeID: $0, program: "sud", site: nil, levelOfCare: .iop,
                    admissionDate: day("2026-09-01"), dischargeDate: nil, dischargeReason: nil, ageAtAdmission: 30,
                    sex: nil, race: nil, ethnicity: nil, payer: nil, referralSource: nil, primaryDx: nil, plannedWeeks: nil)
        }
        let goal = { (episode: String, id: String) in
            Goal(episodeID: episode, goalID: id, domain: nil, weight: 1, baselineLevel: -1, attainedLevel: 0, ratedOn: nil)
        }
        let goals = [goal("E1", "G2"), goal("E1", "G1"), goal("E2", "G1"), goal("E3", "G1")]
        let db = try OutcomesDatabase.inMemory()
        for (table, records) in [(CanonicalTable.episodes, episodes.map { PreparedRecord($0) }),
                                 (.goals, goals.map { PreparedRecord($0) })] {
            _ = try db.loadRun(dryRun: false) { run in
                try run.loadFile(file: "\(table).csv", table: table, sha256: String(repeating: "c", count: 64),
                                 parameters: "{}", softwareVersion: "t", loadedAt: "t") { file in
                    for record in records { _ = try file.store(record) }
                }
            }
        }
        let (stored, numbers) = try db.numberedEpisodes()
        let number = { (id: String) in numbers[stored.firstIndex { $0.episodeID == id }!] }
        // When the goals of E1 and E3 are streamed (two ranges)
        var read: [(Int64, Goal)] = []
        try db.forEachGoalFacts(ofEpisodes: [number("E1")...number("E1"), number("E3")...number("E3")]) {
            read.append(($0.episodeNumber, $0.goal(episodeID: stored[numbers.firstIndex(of: $0.episodeNumber)!].episodeID)))
        }
        // Then E2's goal is left out, and E1's come in goal id order: G1, G2, then E3's G1
        #expect(read.map(\.0) == [number("E1"), number("E1"), number("E3")])
        #expect(read.map(\.1) == [goal("E1", "G1"), goal("E1", "G2"), goal("E3", "G1")])
    }
}
