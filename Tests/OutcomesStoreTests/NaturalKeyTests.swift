import GRDB
import Testing
import OutcomesCore
@testable import OutcomesStore

@Suite("Natural keys: unambiguous, and migrated from v1")
struct NaturalKeyTests {
    let key = String(repeating: "a", count: 64)
    let day = { (text: String) in Day(iso: text)! }

    func episode(_ id: String) -> Episode {
        Episode(patientKey: key, episodeID: id, program: "adult-mh", admissionDate: day("2026-09-01"))
    }

    func load(_ db: OutcomesDatabase, sha: String, table: CanonicalTable,
              _ records: [PreparedRecord]) throws -> LoadSummary {
        try db.loadRun(dryRun: false) { run in
            try run.loadFile(file: "\(table.rawValue).csv", table: table, sha256: String(repeating: sha, count: 64),
                             parameters: "{}", softwareVersion: "test", loadedAt: "t") { load in
                for record in records { try load.store(record) }
            }
        }
    }

    @Test("Issue 9.3: goals E1,G1\\x1FX and E1\\x1FG1,X are both kept")
    func partsHoldingTheOldSeparatorStayApart() throws {
        // Given episodes "E1,G1" and "E1", and a goal of each whose parts joined by U+001F
        // read the same: "E1,G1" + US + "X" and "E1" + US + "G1,X" are both "E1,G1<US>X"
        let db = try OutcomesDatabase.inMemory()
        _ = try load(db, sha: "1", table: .episodes, [PreparedRecord(episode("E1,G1")), PreparedRecord(episode("E1"))])
        let goals = [Goal(episodeID: "E1,G1", goalID: "X", attainedLevel: 1),
                     Goal(episodeID: "E1", goalID: "G1,X", attainedLevel: -1)]
        // When both load
        let summary = try load(db, sha: "2", table: .goals, goals.map { PreparedRecord($0) })
        // Then both are new rows (loaded 2, updated 0) and both are stored
        #expect((summary.loaded, summary.updated, summary.duplicates) == (2, 0, 0))
        #expect(try db.goals().count == 2)
        // Keys: "5:E1,G1" + "1:X" and "2:E1" + "4:G1,X" (UTF-8 byte lengths)
        #expect(naturalKey("E1,G1", "X") == "5:E1,G11:X")
        #expect(naturalKey("E1", "G1,X") == "2:E14:G1,X")
    }

    @Test func lengthsOfNoneOneTwoAndThreeDigitsAndMultibyteTextAreWrittenInFull() {
        // "" is 0 bytes, "0123456789" 10, 100 x "x" 100, "é" 2 (U+00E9 in UTF-8), "a\u{0}b" 3
        let hundred = String(repeating: "x", count: 100)
        #expect(naturalKey("", "0123456789", hundred) == "0:10:0123456789100:" + hundred)
        #expect(naturalKey("é", "a\u{0}b") == "2:é3:a\u{0}b")
        #expect(naturalKey("id", "S00000001") == "2:id9:S00000001")
    }

    /// The v1 key: parts joined by U+001F.
    func v1Key(_ parts: String...) -> String { parts.joined(separator: "\u{1F}") }

    @Test("Issue 9.3: a v1 database migrates to v2 keys and reloading its rows counts duplicates")
    func v1KeysAreMigrated() throws {
        // Given a database at schema v1 holding one row of each keyed table under its v1 key,
        // and a history row of a goal that was replaced once
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v1: canonical tables, load log, rejects, history")
        let sessionWithID = Session(sessionID: "S-1", episodeID: "E1", date: day("2026-09-02"), type: .group,
                                    status: .attended, scheduledMinutes: 180)
        let session = Session(episodeID: "E1", date: day("2026-09-03"), type: .individual, status: .noShow,
                              scheduledMinutes: 50)
        let assessment = Assessment(episodeID: "E1", assessedOn: day("2026-09-02"), instrument: "PHQ-9", items: [],
                                    score: 12, scoring: .totalOnly)
        let goal = Goal(episodeID: "E1", goalID: "Gé", attainedLevel: 1)
        let event = ClinicalEvent(patientKey: key, date: day("2026-10-20"), type: .edVisit)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO load_log (id, file, table_name, sha256, rows_read, loaded, updated, duplicates, rejected,
                                      loaded_at, software_version, parameters)
                VALUES (1, 'old.csv', 'episodes', ?, 0, 0, 0, 0, 0, 't', 'v1', '{}')
                """, arguments: [String(repeating: "0", count: 64)])
            try db.execute(sql: """
                INSERT INTO episode (episode_id, patient_key, program, level_of_care, admission_date, load_id)
                VALUES ('E1', ?, 'adult-mh', 'IOP', '2026-09-01', 1)
                """, arguments: [key])
            try db.execute(sql: """
                INSERT INTO session (natural_key, session_id, episode_id, session_date, session_type, status,
                                     scheduled_minutes, load_id)
                VALUES (?, 'S-1', 'E1', '2026-09-02', 'group', 'attended', 180, 1),
                       (?, NULL, 'E1', '2026-09-03', 'individual', 'no_show', 50, 1)
                """, arguments: [v1Key("id", "S-1"), v1Key("E1", "2026-09-03", "individual")])
            try db.execute(sql: """
                INSERT INTO assessment (natural_key, episode_id, assessed_on, instrument, item_responses, score,
                                        scoring_method, load_id)
                VALUES (?, 'E1', '2026-09-02', 'PHQ-9', '', 12, 'total_only', 1)
                """, arguments: [v1Key("E1", "PHQ-9", "2026-09-02")])
            try db.execute(sql: """
                INSERT INTO goal (natural_key, episode_id, goal_id, weight, baseline_level, attained_level, load_id)
                VALUES (?, 'E1', 'Gé', 1.0, -1, 1, 1)
                """, arguments: [v1Key("E1", "Gé")])
            try db.execute(sql: """
                INSERT INTO clinical_event (natural_key, patient_key, event_date, event_type, load_id)
                VALUES (?, ?, '2026-10-20', 'ed_visit', 1)
                """, arguments: [v1Key(key, "2026-10-20", "ed_visit"), key])
            try db.execute(sql: """
                INSERT INTO record_history (table_name, natural_key, previous_values, previous_load_id,
                                            replaced_by_load_id)
                VALUES ('goal', ?, '{"natural_key": "x", "episode_id": "E1", "goal_id": "Gé"}', 1, 1),
                       ('session', ?, '{"session_id": null, "episode_id": "E1", "session_date": "2026-09-03",
                                        "session_type": "individual"}', 1, 1)
                """, arguments: [v1Key("E1", "Gé"), v1Key("E1", "2026-09-03", "individual")])
        }

        // When the database opens (migrating to v2)
        let db = try OutcomesDatabase(writer: queue)

        // Then every key is the v2 key of its row's columns ("Gé" is 3 UTF-8 bytes: "3:Gé")
        let keys = try queue.read { db in
            try ["session", "assessment", "goal", "clinical_event", "record_history"].map { table in
                try String.fetchAll(db, sql: "SELECT natural_key FROM \(table) ORDER BY natural_key")
            }
        }
        #expect(keys[0] == [naturalKey("E1", "2026-09-03", "individual"), naturalKey("id", "S-1")].sorted())
        #expect(keys[1] == [naturalKey("E1", "PHQ-9", "2026-09-02")])
        #expect(keys[2] == ["2:E13:Gé"])
        #expect(keys[3] == [naturalKey(key, "2026-10-20", "ed_visit")])
        #expect(keys[4] == [naturalKey("E1", "2026-09-03", "individual"), "2:E13:Gé"].sorted())

        // And loading the same rows again counts 5 duplicates, no new rows (read 5 = duplicates 5)
        let records = [PreparedRecord(sessionWithID), PreparedRecord(session), PreparedRecord(assessment),
                       PreparedRecord(goal), PreparedRecord(event)]
        var duplicates = 0
        for (index, record) in records.enumerated() {
            duplicates += try load(db, sha: String(index), table: .sessions, [record]).duplicates
        }
        #expect(duplicates == 5)
        let counts = try db.tableCounts()
        #expect([counts["session"], counts["assessment"], counts["goal"], counts["clinical_event"]] == [2, 1, 1, 1])
    }

    @Test("v2 keys in SQL equal naturalKey for any bytes", arguments: [
        ["E1", "G1"], ["", "x"], ["é東😀", "a\u{1F}b"], ["12:3", ":"],
    ])
    func sqlTwinMatches(parts: [String]) throws {
        // (Foreign keys off: the goal's episode need not exist for this check.)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(configuration: configuration)
        try Migrations.migrator.migrate(queue, upTo: "v1: canonical tables, load log, rejects, history")
        // A goal stored under any v1 key; the migration recomputes it from episode_id and goal_id.
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO load_log (id, file, table_name, sha256, rows_read, loaded, updated, duplicates, rejected,
                                      loaded_at, software_version, parameters)
                VALUES (1, 'f', 'goals', ?, 0, 0, 0, 0, 0, 't', 'v1', '{}')
                """, arguments: [String(repeating: "0", count: 64)])
            try db.execute(sql: """
                INSERT INTO goal (natural_key, episode_id, goal_id, weight, baseline_level, load_id)
                VALUES ('old\u{1F}key', ?, ?, 1, -1, 1)
                """, arguments: [parts[0], parts[1]])
        }
        try Migrations.migrator.migrate(queue, upTo: "v3: exact decimal and negative scores")
        let migrated = try queue.read { try String.fetchOne($0, sql: "SELECT natural_key FROM goal") }
        #expect(migrated == naturalKey(parts[0], parts[1]))
    }
}
