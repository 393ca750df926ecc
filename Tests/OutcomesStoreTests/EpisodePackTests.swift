import GRDB
import Testing
import OutcomesCore
@testable import OutcomesStore

/// Sessions, assessments and goals are kept packed per episode (migration v6, issue 13 item 2): what
/// analysis reads from the packs is what the rows hold, after every kind of load and after the
/// migration, and a damaged pack or row is reported, never read as something else.
@Suite("Episode packs: the rows analysis reads, one blob per episode")
struct EpisodePackTests {
    let key = String(repeating: "d", count: 64)

    func day(_ text: String) -> Day { Day(iso: text)! }

    /// Loads `records` as one file of `table` (through `add`, as ingest does).
    @discardableResult
    func load(_ db: OutcomesDatabase, _ table: CanonicalTable, sha: Character, _ records: [PreparedRecord],
              dryRun: Bool = false) throws -> LoadSummary {
        try db.loadRun(dryRun: dryRun) { run in
            try run.loadFile(file: "\(table).csv", table: table, sha256: String(repeating: sha, count: 64),
                             parameters: "{}", softwareVersion: "test", loadedAt: "t") { load in
                for record in records { try load.add(record) }
            }
        }
    }

    /// A database with episodes E1 (episode_no 1) and E2 (episode_no 2).
    func databaseWithEpisodes() throws -> OutcomesDatabase {
        let db = try OutcomesDatabase.inMemory()
        try load(db, .episodes, sha: "e", ["E1", "E2"].map {
            PreparedRecord(Episode(patientKey: key, episodeID: $0, program: "p", admissionDate: day("2026-08-31")))
        })
        return db
    }

    func sessionFacts(_ db: OutcomesDatabase, through last: String = "2026-12-31") throws -> [SessionFacts] {
        var facts: [SessionFacts] = []
        try db.forEachSessionFacts(ofEpisodes: [1...2], through: day(last)) { facts.append($0) }
        return facts
    }

    func assessmentFacts(_ db: OutcomesDatabase) throws -> [AssessmentFacts] {
        var facts: [AssessmentFacts] = []
        try db.forEachAssessmentFacts(ofEpisodes: [1...2]) { facts.append($0) }
        return facts
    }

    @Test func packCodingRoundTripsAndRefusesWhatItDidNotWrite() throws {
        var writer = PackWriter(version: 7)
        // 300 = 0b10_0101100: low 7 bits 0x2C with the continuation bit (0xAC), then 2
        writer.append(300)
        // zigzag: -1 -> 1, 1 -> 2; NULL -> 0, 5 -> 6
        writer.append(signed: -1)
        writer.append(signed: 1)
        writer.append(optional: nil)
        writer.append(optional: 5)
        #expect(writer.bytes == [7, 0xAC, 0x02, 1, 2, 0, 6])
        writer.append(UInt64.max)
        writer.append(signed: Int64.min)
        writer.append(signed: Int64.max)
        let decoded = try writer.bytes.withUnsafeBytes { bytes in
            var reader = try PackReader(bytes, version: 7)
            let values = [String(try reader.next()), String(try reader.nextSigned()), String(try reader.nextSigned()),
                          String(describing: try reader.nextOptional()), String(describing: try reader.nextOptional()),
                          String(try reader.next()), String(try reader.nextSigned()), String(try reader.nextSigned())]
            return (values, reader.isAtEnd)
        }
        #expect(decoded.0 == ["300", "-1", "1", "nil", "Optional(5)", String(UInt64.max), String(Int64.min),
                              String(Int64.max)])
        #expect(decoded.1)
        // A value cut short (continuation bit on the last byte), and another format's pack
        #expect(throws: MalformedPack.self) {
            try [UInt8]([7, 0x80]).withUnsafeBytes { bytes in
                var reader = try PackReader(bytes, version: 7)
                _ = try reader.next()
            }
        }
        #expect(throws: MalformedPack.self) { try [UInt8]([8]).withUnsafeBytes { _ = try PackReader($0, version: 7) } }
    }

    @Test func episodeNumbersAreReadAsRunsOfConsecutiveNumbers() {
        // 1, 2, 3 run together; 5 and 9 stand alone; the repeated 2 and the order do not matter
        #expect(consecutiveRuns([5, 2, 1, 2, 3, 9]) == [1...3, 5...5, 9...9])
        #expect(consecutiveRuns([Int64]()).isEmpty)
        // Already ascending (not sorted again), repeats included: 1-2, 4, 7-8
        #expect(consecutiveRuns([1, 1, 2, 4, 4, 7, 8]) == [1...2, 4...4, 7...8])
        #expect(consecutiveRuns([Int64(6)]) == [6...6])
    }

    @Test func textNumbersAndOptionalSignedValuesRoundTrip() throws {
        var writer = PackWriter(version: 1)
        // "a\0b" is 3 bytes: count 3, then 0x61 0x00 0x62; NULL text is 0, "" is 1 (count + 1)
        writer.append(text: "a\0b")
        writer.append(optionalText: nil)
        writer.append(optionalText: "")
        // NULL is 0; -2 is zigzag 3, + 1 = 4; 2 is zigzag 4, + 1 = 5
        writer.append(optionalSigned: nil)
        writer.append(optionalSigned: -2)
        writer.append(optionalSigned: 2)
        #expect(writer.bytes == [1, 3, 0x61, 0x00, 0x62, 0, 1, 0, 4, 5])
        // 2.5 is 0x4004000000000000, least significant byte first
        writer.append(double: 2.5)
        #expect(writer.bytes.suffix(8) == [0, 0, 0, 0, 0, 0, 0x04, 0x40])
        let read = try writer.bytes.withUnsafeBytes { bytes in
            var reader = try PackReader(bytes, version: 1)
            return [try reader.nextText(), String(describing: try reader.nextOptionalText()),
                    String(describing: try reader.nextOptionalText()), String(describing: try reader.nextOptionalSigned()),
                    String(describing: try reader.nextOptionalSigned()), String(describing: try reader.nextOptionalSigned()),
                    String(try reader.nextDouble())]
        }
        #expect(read == ["a\0b", "nil", "Optional(\"\")", "nil", "Optional(-2)", "Optional(2)", "2.5"])
        // Text longer than what is left, and a number cut short
        for bytes: [UInt8] in [[1, 5, 0x61], [1, 0, 0, 0x04, 0x40]] {
            #expect(throws: MalformedPack.self) {
                try bytes.withUnsafeBytes { raw in
                    var reader = try PackReader(raw, version: 1)
                    if bytes.count == 3 { _ = try reader.nextText() } else { _ = try reader.nextDouble() }
                }
            }
        }
    }

    @Test func goalsReadFromPacksComeInGoalIDOrder() throws {
        // Given E1's goals G2 (no domain, not rated), G10 (mood, weight 2.5, -2 to +1 on 10-15) and
        // G1 (rated -2 on 10-01): goal id order is G1, G10, G2 (their natural keys sort 2:G1, 2:G2, 3:G10)
        let db = try databaseWithEpisodes()
        try load(db, .goals, sha: "g", [
            Goal(episodeID: "E1", goalID: "G2", domain: nil, weight: 1, baselineLevel: -1, attainedLevel: nil,
                 ratedOn: nil),
            Goal(episodeID: "E1", goalID: "G10", domain: "mood", weight: 2.5, baselineLevel: -2, attainedLevel: 1,
                 ratedOn: day("2026-10-15")),
            Goal(episodeID: "E1", goalID: "G1", domain: "work", weight: 1, baselineLevel: -1, attainedLevel: -2,
                 ratedOn: day("2026-10-01")),
        ].map { PreparedRecord($0) })
        // When read, Then they come back whole, in goal id order
        var goals: [GoalFacts] = []
        try db.forEachGoalFacts(ofEpisodes: [1...2]) { goals.append($0) }
        #expect(goals == [
            GoalFacts(episodeNumber: 1, goalID: "G1", domain: "work", weight: 1, baselineLevel: -1, attainedLevel: -2,
                      ratedOn: day("2026-10-01")),
            GoalFacts(episodeNumber: 1, goalID: "G10", domain: "mood", weight: 2.5, baselineLevel: -2,
                      attainedLevel: 1, ratedOn: day("2026-10-15")),
            GoalFacts(episodeNumber: 1, goalID: "G2", domain: nil, weight: 1, baselineLevel: -1, attainedLevel: nil,
                      ratedOn: nil),
        ])
    }

    @Test func sessionsReadFromPacksAreTheRowsInDayOrder() throws {
        // Given E1's sessions on 09-03 (group, attended 60 of 60, staff T1) and 09-01 (individual,
        // telehealth, no-show, 45 scheduled, no staff), and E2's on 09-02 (late, 30 of 50, T2)
        let db = try databaseWithEpisodes()
        try load(db, .sessions, sha: "s", [
            Session(episodeID: "E1", date: day("2026-09-03"), type: .group, status: .attended, scheduledMinutes: 60,
                    attendedMinutes: 60, staffID: "T1"),
            Session(episodeID: "E1", date: day("2026-09-01"), type: .individual, modality: .telehealth, status: .noShow,
                    scheduledMinutes: 45),
            Session(episodeID: "E2", date: day("2026-09-02"), type: .group, status: .late, scheduledMinutes: 50,
                    attendedMinutes: 30, staffID: "T2"),
        ].map { PreparedRecord($0) })
        // When read through 2026-09-02, Then E1's 09-01 and E2's 09-02 come back, every field as loaded
        // (staff numbered in order of first use: T1 is 1, T2 is 2)
        #expect(try sessionFacts(db, through: "2026-09-02") == [
            SessionFacts(episodeNumber: 1, date: day("2026-09-01"), type: .individual, modality: .telehealth,
                         status: .noShow, scheduledMinutes: 45, attendedMinutes: nil, staffNumber: nil),
            SessionFacts(episodeNumber: 2, date: day("2026-09-02"), type: .group, modality: nil, status: .late,
                         scheduledMinutes: 50, attendedMinutes: 30, staffNumber: 2),
        ])
        // And with no end in view, E1's 09-03 follows its 09-01
        #expect(try sessionFacts(db).map(\.date) == [day("2026-09-01"), day("2026-09-03"), day("2026-09-02")])
    }

    @Test func aLaterLoadRebuildsThePacksOfTheEpisodesItWrote() throws {
        // Given session S1 loaded for E1, and S2 for E2
        let db = try databaseWithEpisodes()
        let s1 = Session(sessionID: "S1", episodeID: "E1", date: day("2026-09-01"), type: .group, status: .attended,
                         scheduledMinutes: 60)
        let s2 = Session(sessionID: "S2", episodeID: "E2", date: day("2026-09-04"), type: .group, status: .attended,
                         scheduledMinutes: 60)
        try load(db, .sessions, sha: "1", [PreparedRecord(s1), PreparedRecord(s2)])
        // When a later export gives S1 to E2 (an update of the same natural key) with a new session S3 of
        // E2, so that E1 is written to only by S1 leaving it; and a dry run would have changed S2
        var moved = s1
        moved.episodeID = "E2"
        let s3 = Session(sessionID: "S3", episodeID: "E2", date: day("2026-09-08"), type: .family, status: .excused,
                         scheduledMinutes: 90)
        let summary = try load(db, .sessions, sha: "2", [PreparedRecord(moved), PreparedRecord(s3)])
        #expect((summary.loaded, summary.updated) == (1, 1))
        var dryRun = s2
        dryRun.status = .noShow
        try load(db, .sessions, sha: "3", [PreparedRecord(dryRun)], dryRun: true)
        // Then E1's pack is gone with S1; E2's holds S1 (09-01), S2 (09-04, still attended) and S3 (09-08)
        let facts = try sessionFacts(db)
        #expect(facts.map(\.episodeNumber) == [2, 2, 2])
        #expect(facts.map(\.date) == [day("2026-09-01"), day("2026-09-04"), day("2026-09-08")])
        #expect(facts[1].status == .attended && facts[2].type == .family)
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM session_pack") } == 1)
    }

    @Test func assessmentsReadFromPacksKeepExactScoresInKeyOrder() throws {
        // Given E1's GAD-7 of 09-05 (score -2.5, weekly) and PHQ-9 of 09-01 (score 11, no timepoint): in
        // natural-key order GAD-7 comes first, so the second day is packed as a step back of 4 days
        let db = try databaseWithEpisodes()
        try load(db, .assessments, sha: "a", [
            Assessment(episodeID: "E1", assessedOn: day("2026-09-01"), instrument: "PHQ-9", items: [],
                       score: 11, scoring: .totalOnly),
            Assessment(episodeID: "E1", assessedOn: day("2026-09-05"), instrument: "GAD-7", items: [],
                       score: Score("-2.5")!, scoring: .totalOnly, timepoint: .weekly),
        ].map { PreparedRecord($0) })
        // When read, Then both come back exactly (instruments numbered in order of first use: PHQ-9 1, GAD-7 2)
        #expect(try assessmentFacts(db) == [
            AssessmentFacts(episodeNumber: 1, assessedOn: day("2026-09-05"), instrumentNumber: 2,
                            score: Score("-2.5")!, timepoint: .weekly),
            AssessmentFacts(episodeNumber: 1, assessedOn: day("2026-09-01"), instrumentNumber: 1, score: 11,
                            timepoint: nil),
        ])
    }

    @Test func migrationV6PacksTheRowsStoredBefore() throws {
        // Given the v3 database of the v4 migration's test (E2 numbered 1 with a group no-show on
        // 2026-08-04 and a WHO-5 of 52.3; E1 numbered 2 with a family session and a PHQ-9 of 11)
        let db = try OutcomesDatabase(writer: AnalysisStoreMigrationTests.v3Database())
        // When read from the packs v6 built, Then they hold what the rows hold
        let sessions = try sessionFacts(db)
        #expect(sessions.map(\.episodeNumber) == [1, 2])
        #expect(sessions.map(\.status) == [.noShow, .leftEarly])
        #expect(sessions[1].attendedMinutes == 40 && sessions[1].staffNumber == 1 && sessions[0].modality == nil)
        #expect(try assessmentFacts(db).map(\.score.description) == ["52.3", "11"])
        var goals: [GoalFacts] = []
        try db.forEachGoalFacts(ofEpisodes: [1...2]) { goals.append($0) }
        #expect(goals.map(\.goalID) == ["G1"] && goals.first?.weight == 2.5 && goals.first?.domain == "mood")
    }

    @Test func aDamagedPackIsReportedNotRead() throws {
        // Given E1's and E2's sessions, E2's pack then cut short
        let db = try databaseWithEpisodes()
        try load(db, .sessions, sha: "s", ["E1", "E2"].map {
            PreparedRecord(Session(episodeID: $0, date: day("2026-09-01"), type: .group, status: .attended,
                                   scheduledMinutes: 60))
        })
        try db.writer.write { try $0.execute(sql: "UPDATE session_pack SET facts = x'0180' WHERE episode_no = 2") }
        // When read, Then the read fails naming the second pack
        let error = #expect(throws: StoreError.self) { try sessionFacts(db) }
        guard case .unreadableRows(let rows)? = error else { return }
        #expect(rows == UnreadableRows(table: "session_pack", count: 1, firstPosition: 2, keyColumn: "episode_no",
                                       column: "facts"))
    }

    /// Runs `body` with the CHECK constraints set aside on the loading connection, as if the
    /// schema and the pack's decoding rules disagreed: what a pack cannot hold must still be refused.
    static func ignoringChecks(_ db: OutcomesDatabase, _ body: () throws -> Void) throws {
        try db.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA ignore_check_constraints = ON") }
        defer {
            _ = try? db.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA ignore_check_constraints = OFF") }
        }
        try body()
    }

    @Test func aRowThatCannotBePackedFailsTheWholeFileLoad() throws {
        // Given E1's session of 09-01
        let db = try databaseWithEpisodes()
        let session = { (episode: String, date: String, minutes: Int) in
            PreparedRecord(Session(episodeID: episode, date: day(date), type: .group, status: .attended,
                                   scheduledMinutes: minutes))
        }
        try load(db, .sessions, sha: "1", [session("E1", "2026-09-01", 60)])
        // When a file adds E1's session of 09-02 and E2's, E2's of -5 scheduled minutes, its CHECK set aside
        let error = #expect(throws: StoreError.self) {
            try Self.ignoringChecks(db) {
                try load(db, .sessions, sha: "2", [session("E1", "2026-09-02", 60), session("E2", "2026-09-02", -5)])
            }
        }
        // Then the load fails naming the row (the last of the three in natural-key order: episode,
        // date, type) and its column
        guard case .unreadableRows(let rows)? = error else { return }
        #expect(rows == UnreadableRows(table: "session", count: 1, firstPosition: 3, keyColumn: "natural_key",
                                       column: "scheduled_minutes"))
        // And nothing of that file is stored: still one session, and no load logged for it
        #expect(try db.tableCounts()["session"] == 1)
        #expect(try db.tableCounts()["load_log"] == 2)
    }

    @Test func aGoalLevelOutsideItsRangeIsNotPacked() throws {
        // Given E1's goal G1: a level or day beyond what its column's CHECK allows is refused, never packed
        let db = try databaseWithEpisodes()
        let goal = { (id: String, level: Int?) in
            PreparedRecord(Goal(episodeID: "E1", goalID: id, domain: nil, weight: 1, baselineLevel: -1,
                                attainedLevel: level))
        }
        try load(db, .goals, sha: "1", [goal("G1", nil)])
        // When a file adds E1's goal G2 attained at level 7, its CHECK set aside, Then its load
        // fails naming the row's column
        let error = #expect(throws: StoreError.self) {
            try Self.ignoringChecks(db) { try load(db, .goals, sha: "2", [goal("G2", 7)]) }
        }
        guard case .unreadableRows(let rows)? = error else { return }
        #expect(rows.table == "goal" && rows.column == "attained_level" && rows.firstPosition == 2)
    }
}
