import GRDB
import Testing
import OutcomesCore
@testable import OutcomesStore

/// A load runs with SQLite's foreign-key checks off (they cost a fifth of the writing thread);
/// the references it writes hold by construction, so it still cannot store a dangling one, and
/// the checks are back on for every other write, whether the load succeeded or not.
@Suite("Loads without foreign-key checks still store no dangling reference")
struct ForeignKeysDuringLoadTests {
    let key = String(repeating: "f", count: 64)
    let day = { (text: String) in Day(iso: text)! }

    func session(_ number: Int, episode: String = "E1", staff: String? = "L1") -> PreparedRecord {
        PreparedRecord(Session(sessionID: "S\(number)", episodeID: episode, date: day("2026-09-02"), type: .group,
                               status: .attended, scheduledMinutes: 60, staffID: staff), row: number + 1)
    }

    func load(_ db: OutcomesDatabase, _ table: CanonicalTable, sha: String, _ records: [PreparedRecord],
              batched: Bool = true) throws -> LoadSummary {
        try db.loadRun(dryRun: false) { run in
            try run.loadFile(file: "\(table.rawValue).csv", table: table, sha256: String(repeating: sha, count: 64),
                             parameters: "{}", softwareVersion: "test", loadedAt: "t") { load in
                for record in records { if batched { try load.add(record) } else { try load.store(record) } }
            }
        }
    }

    /// A database holding episodes E1 (number 1) and E2 (number 2).
    func databaseWithEpisodes() throws -> OutcomesDatabase {
        let db = try OutcomesDatabase.inMemory()
        let episodes = ["E1", "E2"].map {
            PreparedRecord(Episode(patientKey: key, episodeID: $0, program: "p", admissionDate: day("2026-09-01")))
        }
        _ = try load(db, .episodes, sha: "e", episodes)
        return db
    }

    func foreignKeysEnforced(_ db: Database) throws -> Bool { try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true }

    /// The rows `PRAGMA foreign_key_check` finds dangling, in every table.
    func danglingReferences(_ db: OutcomesDatabase) throws -> Int {
        try db.writer.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check").count }
    }

    let unknownEpisode = "its episode_id names no stored row (foreign key)"

    @Test func checksAreOffDuringALoadAndOnAfterItSucceedsFailsOrIsADryRun() throws {
        let db = try databaseWithEpisodes()
        var during: [Bool] = []
        _ = try db.loadRun(dryRun: false) { run in during.append(try foreignKeysEnforced(run.db)) }
        #expect(try db.writer.read(foreignKeysEnforced))
        _ = try? db.loadRun(dryRun: false) { run in
            during.append(try foreignKeysEnforced(run.db))
            throw StoreError.sqlite(message: "stopped")
        }
        #expect(try db.writer.read(foreignKeysEnforced))
        _ = try db.loadRun(dryRun: true) { run in during.append(try foreignKeysEnforced(run.db)) }
        #expect(try db.writer.read(foreignKeysEnforced))
        #expect(during == [false, false, false])
        // And a write outside a load is checked again: E1 cannot name load 99, which does not exist
        do {
            try db.writer.write { try $0.execute(sql: "UPDATE episode SET load_id = 99 WHERE episode_id = 'E1'") }
            Issue.record("a dangling load_id was stored")
        } catch let error as DatabaseError {
            #expect(error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY)
        }
    }

    @Test func aFullBatchHoldingASessionOfAnUnknownEpisodeIsRefusedAtItsRowAndStoresNothing() throws {
        // Given 64 sessions of E1 (rows 2...65) of which the 30th (row 31) names episode NOPE
        let db = try databaseWithEpisodes()
        let records = (1...TableWriter.batchRows).map { session($0, episode: $0 == 30 ? "NOPE" : "E1") }
        // When they load in one batch, then the refusal names row 31 and episode_id, and nothing stays
        let refused = refusal { _ = try load(db, .sessions, sha: "1", records) }
        #expect(refused == RefusedRow(file: "sessions.csv", row: 31, table: "session", column: "episode_id",
                                      rule: unknownEpisode))
        #expect(try db.tableCounts()["session"] == 0)
        #expect(try danglingReferences(db) == 0)
    }

    @Test func anAssessmentAndAGoalOfAnUnknownEpisodeAreRefused() throws {
        let db = try databaseWithEpisodes()
        let assessment = Assessment(episodeID: "NOPE", assessedOn: day("2026-09-02"), instrument: "PHQ-9",
                                    score: Score("12")!, scoring: .totalOnly)
        let goal = Goal(episodeID: "NOPE", goalID: "G1", weight: 1, baselineLevel: -1)
        #expect(refusal { _ = try load(db, .assessments, sha: "2", [PreparedRecord(assessment, row: 4)]) }
            == RefusedRow(file: "assessments.csv", row: 4, table: "assessment", column: "episode_id", rule: unknownEpisode))
        #expect(refusal { _ = try load(db, .goals, sha: "3", [PreparedRecord(goal, row: 5)], batched: false) }
            == RefusedRow(file: "goals.csv", row: 5, table: "goal", column: "episode_id", rule: unknownEpisode))
        let counts = try db.tableCounts()
        #expect((counts["assessment"], counts["goal"]) == (0, 0))
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM instrument") } == 0)
    }

    @Test func anUpdateCannotRepointASessionToAnUnknownEpisodeButMayToAStoredOne() throws {
        // Given S1 of E1 (episode number 1) with staff L1
        let db = try databaseWithEpisodes()
        _ = try load(db, .sessions, sha: "4", [session(1)])
        // When a second file gives S1 with episode NOPE, then it is refused at its row, and S1 stays E1's
        let refused = refusal { _ = try load(db, .sessions, sha: "5", [session(1, episode: "NOPE")]) }
        #expect(refused == RefusedRow(file: "sessions.csv", row: 2, table: "session", column: "episode_id",
                                      rule: unknownEpisode))
        let episodeOfS1 = { try db.writer.read { try Int.fetchOne($0, sql: "SELECT episode_no FROM session") } }
        #expect(try episodeOfS1() == 1)
        // When a third file gives S1 with E2 and a new staff L2, then S1 is updated to episode number 2
        // and L2 is numbered 2 in the same transaction: no reference dangles
        let summary = try load(db, .sessions, sha: "6", [session(1, episode: "E2", staff: "L2")])
        #expect((summary.loaded, summary.updated) == (0, 1))
        #expect(try episodeOfS1() == 2)
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT staff_no FROM session") } == 2)
        #expect(try danglingReferences(db) == 0)
    }
}
