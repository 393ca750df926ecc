import GRDB
import Testing
import OutcomesCore
@testable import OutcomesStore

@Suite("Store errors carry their context, never the row's key or values")
struct StoreErrorContextTests {
    let key = String(repeating: "a", count: 64)
    let day = { (text: String) in Day(iso: text)! }

    func load(_ db: OutcomesDatabase, file: String, sha: String, _ records: [PreparedRecord]) throws -> LoadSummary {
        try db.loadRun(dryRun: false) { run in
            try run.loadFile(file: file, table: .sessions, sha256: String(repeating: sha, count: 64),
                             parameters: "{}", softwareVersion: "test", loadedAt: "t") { load in
                for record in records { try load.store(record) }
            }
        }
    }

    @Test("Issue 9.7: a CHECK refusal during a load names the file, row and column")
    func checkRefusalNamesFileRowAndColumn() throws {
        // Given an episode, and a session on row 7 whose scheduled minutes break CHECK (scheduled_minutes >= 0)
        let db = try OutcomesDatabase.inMemory()
        let episode = Episode(patientKey: key, episodeID: "SECRET-EP", program: "p", admissionDate: day("2026-09-01"))
        _ = try load(db, file: "episodes.csv", sha: "1", [PreparedRecord(episode, row: 2)])
        let session = Session(episodeID: "SECRET-EP", date: day("2026-09-02"), type: .group, status: .attended,
                              scheduledMinutes: -1, staffID: "SECRET-STAFF")
        // When it loads
        let refused = refusal { _ = try load(db, file: "sessions.csv", sha: "2", [PreparedRecord(session, row: 7)]) }
        // Then the error names sessions.csv, row 7 and column scheduled_minutes, and no key or value
        #expect(refused?.file == "sessions.csv")
        #expect(refused?.row == 7)
        #expect(refused?.column == "scheduled_minutes")
        let text = String(describing: StoreError.rowRefused(try #require(refused)))
        #expect(text.hasPrefix("sessions.csv: row 7, column scheduled_minutes: the database refused the session row"))
        #expect(!text.contains("SECRET"))
    }

    @Test("Issue 9.7: a foreign-key refusal during a load names the episode_id column")
    func foreignKeyRefusalNamesEpisodeID() throws {
        // Given no episodes, and a session on row 12 of an unknown episode
        let db = try OutcomesDatabase.inMemory()
        let session = Session(episodeID: "SECRET-EP", date: day("2026-09-02"), type: .group, status: .attended,
                              scheduledMinutes: 60)
        let refused = refusal { _ = try load(db, file: "sessions.csv", sha: "3", [PreparedRecord(session, row: 12)]) }
        #expect(refused == RefusedRow(file: "sessions.csv", row: 12, table: "session", column: "episode_id",
                                      rule: "its episode_id names no stored row (foreign key)"))
        #expect(try db.tableCounts()["load_log"] == 0)
    }

    @Test("a CHECK naming several columns is reported at the first column of the table it names", arguments: [
        ("discharge_date GLOB '[12]' AND discharge_date >= admission_date", "discharge_date"),
        ("(scoring_method = 'total_only') = (item_responses = '')", "scoring_method"),
        ("weight > 0", "weight"),
        ("'episode_id' = x", nil),
    ] as [(String, String?)])
    func checkColumn(expression: String, column: String?) {
        let table = StoredTable(name: "t", columns: ["weight", "discharge_date", "admission_date", "scoring_method",
                                                     "item_responses"], keyColumn: "weight")
        #expect(SQLiteFailure.firstColumn(in: expression, of: table) == column)
    }

    @Test("Issue 9.7: rows that fail to decode when read back are counted and reported, never skipped")
    func undecodableRowsAreReported() throws {
        // Given sessions E1 on 2026-09-01, -02 and -03, of which -02 and -03 then get a day that is
        // not a whole number (the schema's CHECK set aside, as a damaged or hand-edited file might)
        let db = try OutcomesDatabase.inMemory()
        let episode = Episode(patientKey: key, episodeID: "E1", program: "p", admissionDate: day("2026-01-01"))
        _ = try load(db, file: "episodes.csv", sha: "4", [PreparedRecord(episode)])
        let sessions = (1...3).map {
            Session(episodeID: "E1", date: day("2026-09-0\($0)"), type: .group, status: .attended,
                    scheduledMinutes: 60)
        }
        _ = try load(db, file: "sessions.csv", sha: "5", sessions.map { PreparedRecord($0) })
        try db.writer.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            for date in ["2026-09-02", "2026-09-03"] {
                try db.execute(sql: "UPDATE session SET session_day = 'x' WHERE session_day = ?",
                               arguments: [day(date).ordinal])
            }
        }
        // When the sessions are read back
        var read = 0
        var failure: UnreadableRows?
        do {
            try db.forEachSession { _ in read += 1 }
        } catch StoreError.unreadableRows(let rows) {
            failure = rows
        }
        // Then the good row is read, and the 2 bad ones are reported: the first is row 2 of 3 in
        // natural-key order (keys "2:E1" + "10:2026-09-0n" + "5:group" sort by date)
        #expect(read == 1)
        #expect(failure == UnreadableRows(table: "session", count: 2, firstPosition: 2, keyColumn: "natural_key",
                                          column: "session_day"))
        #expect(failure.map(String.init(describing:))?.contains("2 session rows that cannot be read") == true)
    }

    @Test("Issue 9.2: a value holding NUL is stored whole and read back whole, and its repeat is a duplicate")
    func nulIsNeverTruncated() throws {
        // Given an episode whose site holds a NUL (ingest refuses it; the store must still be exact)
        let db = try OutcomesDatabase.inMemory()
        let episode = Episode(patientKey: key, episodeID: "E1", program: "p", site: "nor\0th",
                              admissionDate: day("2026-09-01"))
        // When it is stored twice
        let summary = try load(db, file: "episodes.csv", sha: "6", [PreparedRecord(episode), PreparedRecord(episode)])
        // Then the second is a duplicate, not an update, and the site reads back with all 6 bytes
        #expect((summary.loaded, summary.updated, summary.duplicates) == (1, 0, 1))
        #expect(try db.episodes().first?.site == "nor\0th")
        #expect(try db.episodes().first?.site?.utf8.count == 6)
    }
}
