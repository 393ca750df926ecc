import GRDB
import Testing
import OutcomesCore
@testable import OutcomesStore

/// Records queued with `FileLoad.add` are stored `TableWriter.batchRows` at a time in one
/// statement; in a batch holding a repeat, an update or a refused row, that row and those after
/// it are stored row by row, with the same accounting and the same errors as `store`.
@Suite("Batched loading: the same rows, dispositions and errors as row by row")
struct BatchedLoadTests {
    let key = String(repeating: "b", count: 64)
    let batch = TableWriter.batchRows

    func session(_ number: Int, minutes: Int = 60, staff: String = "L1") -> PreparedRecord {
        PreparedRecord(Session(sessionID: "S\(number)", episodeID: "E1", date: Day(iso: "2026-09-02")!, type: .group,
                               status: .attended, scheduledMinutes: minutes, staffID: staff), row: number + 1)
    }

    func load(_ db: OutcomesDatabase, sha: String, _ records: [PreparedRecord]) throws -> LoadSummary {
        try db.loadRun(dryRun: false) { run in
            try run.loadFile(file: "sessions.csv", table: .sessions, sha256: String(repeating: sha, count: 64),
                             parameters: "{}", softwareVersion: "test", loadedAt: "t") { load in
                for record in records { try load.add(record) }
            }
        }
    }

    func databaseWithEpisode() throws -> OutcomesDatabase {
        let db = try OutcomesDatabase.inMemory()
        _ = try db.loadRun(dryRun: false) { run in
            try run.loadFile(file: "episodes.csv", table: .episodes, sha256: String(repeating: "e", count: 64),
                             parameters: "{}", softwareVersion: "test", loadedAt: "t") { load in
                try load.store(PreparedRecord(Episode(patientKey: key, episodeID: "E1", program: "p",
                                                      admissionDate: Day(iso: "2026-09-01")!)))
            }
        }
        return db
    }

    @Test func fullBatchesAndTheTailAreAllStored() throws {
        // Given 2 full batches and 3 rows more, every session new
        let db = try databaseWithEpisode()
        let records = (1...(2 * batch + 3)).map { session($0, staff: "L\($0 % 5)") }
        // When they are queued
        let summary = try load(db, sha: "1", records)
        // Then all 2 x 64 + 3 = 131 are loaded, with the 5 staff ids L0...L4 numbered once each
        #expect((summary.read, summary.loaded, summary.updated, summary.duplicates) == (2 * batch + 3, 2 * batch + 3, 0, 0))
        #expect(try db.tableCounts()["session"] == 2 * batch + 3)
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(DISTINCT staff_no) FROM session") } == 5)
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM staff") } == 5)
    }

    @Test func aBatchHoldingARepeatAndAnUpdateCountsThemAsRowByRow() throws {
        // Given sessions S1...S10 stored by a first file
        let db = try databaseWithEpisode()
        _ = try load(db, sha: "1", (1...10).map { session($0) })
        // When a second file's first batch holds S1 again unchanged, S2 with 90 minutes, and
        // 62 new sessions, and its tail S2 once more with 90 minutes
        let records = [session(1), session(2, minutes: 90)] + (101...162).map { session($0) } + [session(2, minutes: 90)]
        let summary = try load(db, sha: "2", records)
        // Then 62 are loaded, S2 is updated once (history keeps its 60 minutes), and S1 and the
        // second S2 are duplicates: 62 + 1 + 2 = 65 rows read
        #expect((summary.read, summary.loaded, summary.updated, summary.duplicates) == (65, 62, 1, 2))
        let counts = try db.tableCounts()
        #expect(counts["session"] == 10 + 62)
        #expect(counts["record_history"] == 1)
    }

    @Test func aRepeatInTheMiddleOfABatchKeepsTheRowsBeforeItAndCountsEachRowOnce() throws {
        // Given S1 stored by a first file
        let db = try databaseWithEpisode()
        _ = try load(db, sha: "1", [session(1)])
        // When a full batch holds S101...S139, S1 unchanged, then S140...S163 (39 + 1 + 24 = 64)
        let records = (101...139).map { session($0) } + [session(1)] + (140...163).map { session($0) }
        let summary = try load(db, sha: "2", records)
        // Then the 39 before the repeat and the 24 after it are loaded once each, S1 is a duplicate
        #expect((summary.read, summary.loaded, summary.updated, summary.duplicates) == (64, 63, 0, 1))
        #expect(try db.tableCounts()["session"] == 1 + 63)
        #expect(try db.tableCounts()["record_history"] == 0)
    }

    @Test func aKeyRepeatedWithinABatchIsLoadedThenUpdated() throws {
        // Given a full batch of S1...S64 in which row 51 (S50) comes again as S10 with 90 minutes
        let db = try databaseWithEpisode()
        let records = (1...batch).map { $0 == 50 ? session(10, minutes: 90) : session($0) }
        let summary = try load(db, sha: "1", records)
        // Then S10 is loaded with 60 minutes and updated to 90 (history keeps 60): 62 other rows
        // loaded, 63 loaded in all, 1 update, and S50 never stored
        #expect((summary.read, summary.loaded, summary.updated, summary.duplicates) == (64, 63, 1, 0))
        #expect(try db.tableCounts()["session"] == 63)
        #expect(try db.tableCounts()["record_history"] == 1)
        #expect(try db.writer.read {
            try Int.fetchOne($0, sql: "SELECT scheduled_minutes FROM session WHERE session_id = 'S10'")
        } == 90)
    }

    @Test func aRefusedRowInAFullBatchIsNamedByItsOwnRow() throws {
        // Given a full batch whose 40th session (row 41) has -1 scheduled minutes
        let db = try databaseWithEpisode()
        let records = (1...batch).map { session($0, minutes: $0 == 40 ? -1 : 60) }
        // When it loads, then the refusal names row 41 and column scheduled_minutes, and nothing stays
        do {
            _ = try load(db, sha: "3", records)
            Issue.record("the refused row was stored")
        } catch StoreError.rowRefused(let refused) {
            #expect((refused.file, refused.row, refused.column) == ("sessions.csv", 41, "scheduled_minutes"))
        }
        #expect(try db.tableCounts()["session"] == 0)
        #expect(try db.loadLog().count == 1)
    }
}
