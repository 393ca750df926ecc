import GRDB
import Testing
import OutcomesCore
@testable import OutcomesStore

/// Migration v4 (issue 13, item 1): a database made by the v3 schema converts in place to the
/// integer-coded analysis store, every row kept with its values.
@Suite("Migration v4: the analysis store")
struct AnalysisStoreMigrationTests {
    static let key = String(repeating: "c", count: 64)

    /// A v3 database: E2 admitted 2026-08-03 and E1 admitted 2026-09-01 (so E2 is numbered first),
    /// two sessions (one with staff S7, one without staff or modality), two assessments, a goal and a
    /// replaced session version in the history.
    static func v3Database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v3: exact decimal and negative scores")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO load_log VALUES (1, 'e.csv', 'episodes', '\(String(repeating: "a", count: 64))',
                                             2, 2, 0, 0, 0, 't', 't', '{}');
                INSERT INTO episode (episode_id, patient_key, program, site, level_of_care, admission_date,
                                     discharge_date, discharge_reason, load_id)
                    VALUES ('E1', '\(key)', 'sud', 'north', 'IOP', '2026-09-01', '2026-10-20', 'completed', 1),
                           ('E2', '\(key)', 'adult-mh', NULL, 'PHP', '2026-08-03', NULL, NULL, 1);
                INSERT INTO session VALUES ('s1', 'S1', 'E1', '2026-09-02', 'family', 'telehealth', 'left_early', 60, 40,
                                            'S7', 1);
                INSERT INTO session VALUES ('s2', NULL, 'E2', '2026-08-04', 'group', NULL, 'no_show', 180, NULL, NULL, 1);
                INSERT INTO assessment VALUES ('a1', 'E1', '2026-09-02', 'PHQ-9', '1,2,,3,0,1,2,1,0', 11, 0, 'prorated',
                                               'intake', 1);
                INSERT INTO assessment VALUES ('a2', 'E2', '2026-08-05', 'WHO-5', '', 523, 1, 'total_only', NULL, 1);
                INSERT INTO goal VALUES ('g1', 'E1', 'G1', 'mood', 2.5, -1, 1, '2026-10-15', 1);
                INSERT INTO record_history (table_name, natural_key, previous_values, previous_load_id,
                                            replaced_by_load_id)
                    VALUES ('session', 's1', '{"session_date": "2026-09-01"}', 1, 1);
                """)
        }
        return queue
    }

    @Test func everyRowKeepsItsValues() throws {
        let queue = try Self.v3Database()
        let db = try OutcomesDatabase(writer: queue)  // migrates to v4
        let episodes = try db.numberedEpisodes()
        // Numbered in admission order: E2 (2026-08-03) is 1, E1 (2026-09-01) is 2
        #expect(episodes.episodes.map(\.episodeID) == ["E1", "E2"])
        #expect(episodes.numbers == [2, 1])
        #expect(episodes.episodes[0].dischargeReason == .completed && episodes.episodes[0].site == "north")

        var sessions: [Session] = []
        try db.forEachSession { sessions.append($0) }
        #expect(sessions == [
            Session(sessionID: nil, episodeID: "E2", date: Day(iso: "2026-08-04")!, type: .group, modality: nil,
                    status: .noShow, scheduledMinutes: 180, attendedMinutes: nil, staffID: nil),
            Session(sessionID: "S1", episodeID: "E1", date: Day(iso: "2026-09-02")!, type: .family,
                    modality: .telehealth, status: .leftEarly, scheduledMinutes: 60, attendedMinutes: 40, staffID: "S7"),
        ])
        var assessments: [Assessment] = []
        try db.forEachAssessment(includingItems: true) { assessments.append($0) }
        #expect(assessments.map(\.instrument) == ["PHQ-9", "WHO-5"])  // natural keys a1, a2
        #expect(assessments.map(\.score.description) == ["11", "52.3"])
        #expect(assessments[0].items == [1, 2, nil, 3, 0, 1, 2, 1, 0] && assessments[0].scoring == .prorated)
        #expect(assessments[0].timepoint == .intake && assessments[1].timepoint == nil)
        #expect(assessments[1].scoring == .totalOnly)
        #expect(try db.goals() == [Goal(episodeID: "E1", goalID: "G1", domain: "mood", weight: 2.5, baselineLevel: -1,
                                        attainedLevel: 1, ratedOn: Day(iso: "2026-10-15")!)])
        #expect(try db.tableCounts()["record_history"] == 1)
    }

    @Test func daysAndCodesAreIntegersThatSQLCanReadBack() throws {
        let queue = try Self.v3Database()
        _ = try OutcomesDatabase(writer: queue)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.episode_no, date(s.session_day * 86400, 'unixepoch') AS day, t.label AS type, st.staff_id
                FROM session s JOIN code_label t ON t.column_name = 'session_type' AND t.code = s.session_type
                LEFT JOIN staff st USING (staff_no) ORDER BY s.episode_no
                """)
        }
        // 2026-08-04 is day 20669 since 1970-01-01; group is code 0, family code 2
        #expect(rows.map { $0["day"] as String } == ["2026-08-04", "2026-09-02"])
        #expect(rows.map { $0["type"] as String } == ["group", "family"])
        #expect(rows.map { $0["staff_id"] as String? } == [nil, "S7"])
        let day = try queue.read { try Int.fetchOne($0, sql: "SELECT session_day FROM session WHERE session_id = 'S1'") }
        #expect(day == Day(iso: "2026-09-02")!.ordinal)
        #expect(Day(iso: "2026-08-04")!.ordinal == 20669)
    }

    @Test func facedWithARowOfNoEpisodeTheConversionStopsAndChangesNothing() throws {
        let queue = try Self.v3Database()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: """
                INSERT INTO goal VALUES ('g9', 'E404', 'G9', NULL, 1, -2, NULL, NULL, 1)
                """)
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        #expect(throws: (any Error).self) { _ = try OutcomesDatabase(writer: queue) }
        // Still v3: the goal table keeps its text episode_id and all 2 goals
        let columns = try queue.read { try $0.columns(in: "goal").map(\.name) }
        #expect(columns.contains("episode_id") && !columns.contains("episode_no"))
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM goal") } == 2)
    }

    @Test func storedCodesCoverEveryValueOfTheirEnum() {
        #expect(Set(StoredCodes.sessionType.labels) == Set(SessionType.allCases.map(\.rawValue)))
        #expect(Set(StoredCodes.modality.labels) == Set(Modality.allCases.map(\.rawValue)))
        #expect(Set(StoredCodes.sessionStatus.labels) == Set(SessionStatus.allCases.map(\.rawValue)))
        #expect(Set(StoredCodes.timepoint.labels) == Set(Timepoint.allCases.map(\.rawValue)))
        #expect(Set(StoredCodes.scoringMethod.labels) == ["complete", "prorated", "total_only"])
        // The numbers are fixed forever: these are what databases hold
        #expect(StoredCodes.sessionStatus.number(.noShow) == 3 && StoredCodes.timepoint.number(.followup90) == 4)
    }
}
