import GRDB
import Testing
import OutcomesCore
import OutcomesTestSupport
@testable import OutcomesStore

/// A file load builds the packs of episodes new to a table from the rows it writes, and merges
/// the rows of the others into their stored packs (`EpisodePackBuilder`): either way every pack,
/// and its key list, must be byte for byte what a rebuild from all the rows (`refreshAll`) gives,
/// after any mix of new rows, duplicates, updates (some moving a session to another episode),
/// rejects, episodes interleaved, batches retried row by row, failed loads and dry runs.
@Suite("Episode packs built while loading equal the packs rebuilt from the rows")
struct EpisodePackBuilderTests {
    static var packs: [any EpisodePack.Type] { [SessionPack.self, AssessmentPack.self, GoalPack.self] }
    static let episodes = (1...10).map { "E\($0)" }
    static let firstDay = Day(iso: "2026-09-01")!

    /// Every pack as `episode_no:hex(facts)`, and every key list as `episode_no:hex(natural_keys)`,
    /// table by table.
    static func snapshot(_ db: Database) throws -> [String] {
        try packs.flatMap { pack in
            try String.fetchAll(db, sql: """
                SELECT '\(pack.packTable) ' || episode_no || ':' || hex(facts) FROM \(pack.packTable)
                ORDER BY episode_no
                """) + String.fetchAll(db, sql: """
                SELECT '\(pack.keyTable) ' || episode_no || ':' || hex(natural_keys) FROM \(pack.keyTable)
                ORDER BY episode_no
                """)
        }
    }

    /// The packs as stored, and as a rebuild from every row gives them (rolled back).
    static func storedAndRebuilt(_ db: OutcomesDatabase) throws -> (stored: [String], rebuilt: [String]) {
        try db.writer.writeWithoutTransaction { db in
            let stored = try snapshot(db)
            var rebuilt: [String] = []
            try db.inTransaction {
                for pack in packs { try pack.refreshAll(db) }
                rebuilt = try snapshot(db)
                return .rollback
            }
            return (stored, rebuilt)
        }
    }

    static func databaseWithEpisodes() throws -> OutcomesDatabase {
        let db = try OutcomesDatabase.inMemory()
        try db.loadRun(dryRun: false) { run in
            _ = try run.loadFile(file: "episodes.csv", table: .episodes, sha256: String(repeating: "e", count: 64),
                                 parameters: "{}", softwareVersion: "test", loadedAt: "t") { load in
                for id in episodes {
                    try load.add(PreparedRecord(Episode(patientKey: String(repeating: "d", count: 64), episodeID: id,
                                                        program: "p", admissionDate: firstDay)))
                }
            }
        }
        return db
    }

    /// One file's rows: records to store (queued with `add`, or stored at once), and rejects.
    enum Line {
        case add(PreparedRecord)
        case store(PreparedRecord)
        case reject
    }

    /// Loads `lines` as one file; returns how many runs of rows the load merged into stored packs,
    /// and how many episodes' packs it rebuilt from the table.
    @discardableResult
    static func load(_ db: OutcomesDatabase, _ table: CanonicalTable, sha: Int, _ lines: [Line],
                     dryRun: Bool = false) throws -> (merged: Int, rebuilt: Int) {
        var fileLoad: FileLoad?
        try db.loadRun(dryRun: dryRun) { run in
            // A 64-digit hexadecimal SHA-256 of its own for each file
            let sha256 = String(repeating: "0", count: 60) + String(sha + 0x1000, radix: 16)
            _ = try run.loadFile(file: "\(table).csv", table: table, sha256: sha256,
                                 parameters: "{}", softwareVersion: "test", loadedAt: "t") { load in
                for (position, line) in lines.enumerated() {
                    switch line {
                    case .add(let record): try load.add(record)
                    case .store(let record): try load.store(record)
                    case .reject:
                        try load.reject(IngestIssue(file: "\(table).csv", row: position + 2, column: nil,
                                                    reason: .badDate, message: "m"))
                    }
                }
                fileLoad = load
            }
        }
        return (fileLoad?.mergedRuns ?? 0, fileLoad?.rebuiltEpisodes ?? 0)
    }

    /// Draws records of one table: mostly episodes' rows in runs, some episodes coming back later,
    /// some rows repeated or changed (updates) from earlier ones.
    struct FileMaker {
        var random: SplitMix64
        var earlierSessions: [Session] = []
        var earlierAssessments: [Assessment] = []
        var earlierGoals: [Goal] = []

        mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        mutating func day() -> Day { EpisodePackBuilderTests.firstDay.adding(days: Int.random(in: 0...20, using: &random)) }

        mutating func session(_ episode: String) -> Session {
            let scheduled = Int.random(in: 0...120, using: &random)
            return Session(sessionID: chance(50) ? "S\(Int.random(in: 1...60, using: &random))" : nil,
                           episodeID: episode, date: day(), type: pick([.group, .individual, .family, .other]),
                           modality: pick([nil, .inPerson, .telehealth]),
                           status: pick([.attended, .late, .noShow, .excused]), scheduledMinutes: scheduled,
                           attendedMinutes: chance(50) ? Int.random(in: 0...scheduled, using: &random) : nil,
                           staffID: pick([nil, "T1", "T22", "T3"]))
        }

        mutating func assessment(_ episode: String) -> Assessment {
            let decimals = pick([0, 1])
            return Assessment(episodeID: episode, assessedOn: day(), instrument: pick(["PHQ-9", "GAD-7", "WHO-5"]),
                              score: Score(units: Int64.random(in: -40...400, using: &random), decimals: decimals)!,
                              timepoint: pick([nil, .intake, .weekly, .discharge]))
        }

        mutating func goal(_ episode: String) -> Goal {
            Goal(episodeID: episode, goalID: pick(["G1", "G2", "G10", "G9", "G100", "g1"]),
                 domain: pick([nil, "mood", "work"]), weight: pick([0.5, 1, 2.5, 3]), baselineLevel: pick([-1, -2]),
                 attainedLevel: pick([nil, -2, 0, 2]), ratedOn: chance(50) ? day() : nil)
        }

        /// A new record of `table` for `episode`, or a repeat or change of an earlier one.
        mutating func record(_ table: CanonicalTable, _ episode: String) -> PreparedRecord {
            let again = chance(15)
            switch table {
            case .sessions:
                var session = again && !earlierSessions.isEmpty ? pick(earlierSessions) : self.session(episode)
                if again && chance(50) {
                    session.status = pick([.attended, .cancelledProgram])
                    if session.sessionID != nil && chance(50) { session.episodeID = episode }
                }
                earlierSessions.append(session)
                return PreparedRecord(session)
            case .assessments:
                var assessment = again && !earlierAssessments.isEmpty ? pick(earlierAssessments) : self.assessment(episode)
                if again && chance(50) { assessment.timepoint = pick([nil, .followup30]) }
                earlierAssessments.append(assessment)
                return PreparedRecord(assessment)
            default:
                var goal = again && !earlierGoals.isEmpty ? pick(earlierGoals) : self.goal(episode)
                if again && chance(50) { goal.attainedLevel = pick([nil, 1, -1]) }
                earlierGoals.append(goal)
                return PreparedRecord(goal)
            }
        }

        /// A file of `table`: runs of 1 to 40 rows per episode, up to about 250 rows.
        mutating func file(_ table: CanonicalTable) -> [Line] {
            var lines: [Line] = []
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                let episode = pick(EpisodePackBuilderTests.episodes)
                for _ in 0..<Int.random(in: 1...40, using: &random) {
                    if chance(3) { lines.append(.reject) }
                    let record = record(table, episode)
                    lines.append(chance(10) ? .store(record) : .add(record))
                }
            }
            return lines
        }
    }

    /// A record of `table` for episode E99, which is not stored: the table refuses it.
    static func recordOfAnUnknownEpisode(_ table: CanonicalTable) -> PreparedRecord {
        switch table {
        case .sessions:
            return PreparedRecord(Session(episodeID: "E99", date: firstDay, type: .group, status: .attended,
                                          scheduledMinutes: 60))
        case .assessments:
            return PreparedRecord(Assessment(episodeID: "E99", assessedOn: firstDay, instrument: "PHQ-9", score: 1))
        default:
            return PreparedRecord(Goal(episodeID: "E99", goalID: "G1"))
        }
    }

    @Test(arguments: 1...12)
    func packsBuiltWhileLoadingAreThoseRebuiltFromTheRows(seed: UInt64) throws {
        let db = try Self.databaseWithEpisodes()
        var maker = FileMaker(random: SplitMix64(seed: seed))
        var sha = 0
        for _ in 0..<4 {
            for table in [CanonicalTable.sessions, .assessments, .goals] {
                sha += 1
                let before = try Self.storedAndRebuilt(db).stored
                if maker.chance(15) {
                    // A dry run, and a file refused at its last row (unknown episode), leave every pack as it was
                    try Self.load(db, table, sha: sha, maker.file(table), dryRun: true)
                    let refused = maker.file(table) + [.add(Self.recordOfAnUnknownEpisode(table))]
                    #expect(throws: StoreError.self) { try Self.load(db, table, sha: sha + 1000, refused) }
                    #expect(try Self.storedAndRebuilt(db).stored == before, "seed \(seed), file \(sha)")
                }
                try Self.load(db, table, sha: sha, maker.file(table))
                let (stored, rebuilt) = try Self.storedAndRebuilt(db)
                #expect(stored == rebuilt, "seed \(seed), file \(sha)")
            }
        }
    }

    @Test func newEpisodesInRunsAreBuiltAndOthersMerged() throws {
        let db = try Self.databaseWithEpisodes()
        let session = { (episode: String, day: Int) in
            Line.add(PreparedRecord(Session(episodeID: episode, date: Self.firstDay.adding(days: day), type: .group,
                                            status: .attended, scheduledMinutes: 60)))
        }
        // Given a file of 100 sessions, E1's 70 (over two batches of 64 rows) then E2's 30, out of
        // day order: both episodes are new and come in one run each, so no run is merged
        let first = (0..<70).reversed().map { session("E1", $0) } + (0..<30).map { session("E2", $0) }
        #expect(try Self.load(db, .sessions, sha: 1, first) == (merged: 0, rebuilt: 0))
        var (stored, rebuilt) = try Self.storedAndRebuilt(db)
        #expect(stored == rebuilt && stored.count == 2 * 2)  // two packs, two key lists
        // When a file brings E2 (stored before), E3, E4, E3 again and E5 with a repeated row
        // Then E2's run (rows before) and E3's second run are merged; E4 and E5 (a duplicate changes nothing) are built
        let second = [session("E2", 40), session("E3", 1), session("E4", 1), session("E3", 2), session("E5", 1),
                      session("E5", 2), session("E5", 2)]
        #expect(try Self.load(db, .sessions, sha: 2, second) == (merged: 2, rebuilt: 0))
        (stored, rebuilt) = try Self.storedAndRebuilt(db)
        #expect(stored == rebuilt && stored.count == 5 * 2)
    }

    @Test func aRunPackedAsItComesIsKeptFromItsFirstRowOutOfOrder() throws {
        let db = try Self.databaseWithEpisodes()
        let session = { (episode: String, day: Int, type: SessionType, minutes: Int) in
            Line.add(PreparedRecord(Session(episodeID: episode, date: Self.firstDay.adding(days: day), type: type,
                                            status: .attended, scheduledMinutes: minutes)))
        }
        // Given E1's sessions on days 0 to 39 in order (packed as they come), then days 50, 45 (out
        // of order: the 40 rows packed so far are decoded back and kept) and 60; E2's 3 in order;
        // two sessions of one day, whose natural keys (episode, day, type) order them: E3's in that
        // order (group before individual), E4's not
        let lines = (0..<40).map { session("E1", $0, .group, 60 + $0) }
            + [50, 45, 60].map { session("E1", $0, .group, 90) }
            + (0..<3).map { session("E2", $0, .group, 60) }
            + [session("E3", 2, .group, 60), session("E3", 2, .individual, 50)]
            + [session("E4", 2, .individual, 50), session("E4", 2, .group, 60)]
        // When loaded, Then no run is merged or rebuilt, and every pack and key list is the rebuilt one
        #expect(try Self.load(db, .sessions, sha: 1, lines) == (merged: 0, rebuilt: 0))
        let (stored, rebuilt) = try Self.storedAndRebuilt(db)
        #expect(stored == rebuilt && stored.count == 4 * 2)
    }

    @Test func anEpisodeOfMoreRowsThanARunHoldsIsRebuiltFromTheTable() throws {
        // Given E1's 4,097 sessions (one more than `maximumRun`, on days 0 to 4,096) then E2's one
        let db = try Self.databaseWithEpisodes()
        let session = { (episode: String, day: Int) in
            Line.add(PreparedRecord(Session(episodeID: episode, date: Self.firstDay.adding(days: day), type: .group,
                                            status: .attended, scheduledMinutes: 60)))
        }
        let lines = (0...EpisodePackBuilder.maximumRun).map { session("E1", $0) } + [session("E2", 0)]
        // When loaded, Then E1 is rebuilt from the table (memory holds 4,096 rows at most), E2 built,
        // and both packs are right
        #expect(try Self.load(db, .sessions, sha: 1, lines) == (merged: 0, rebuilt: 1))
        var (stored, rebuilt) = try Self.storedAndRebuilt(db)
        #expect(stored == rebuilt && stored.count == 2 * 2)
        // When a later file adds one session to E1 (whose stored pack holds more than `maximumRun`
        // rows) and one to E2, Then E1 is rebuilt again rather than decoded, and E2's run merged
        #expect(try Self.load(db, .sessions, sha: 2, [session("E1", 5_000), session("E2", 1)])
                == (merged: 1, rebuilt: 1))
        (stored, rebuilt) = try Self.storedAndRebuilt(db)
        #expect(stored == rebuilt && stored.count == 2 * 2)
    }
}

/// A load skips the pack table's look-up for an episode it knows has no pack (`PackedEpisodes`):
/// one numbered above the highest with a pack when the load began, whose pack it has not stored.
@Suite("Episodes a load knows have no stored pack")
struct PackedEpisodesTests {
    @Test func aboveTheHighestPackAtTheStartAndNotStoredSince() throws {
        let db = try EpisodePackBuilderTests.databaseWithEpisodes()
        try db.writer.write { db in
            // No pack yet: no episode has one until the load stores it.
            var none = try PackedEpisodes(db, packTable: SessionPack.packTable)
            #expect(![1, 2, 10].contains { none.mayHavePack($0) })
            none.noteStored(2)
            #expect(none.mayHavePack(2) && !none.mayHavePack(1) && !none.mayHavePack(3))
            // Packs of episodes 2 and 5: 1 to 5 may have one (4 has none, but only a look-up tells);
            // 6 on have none, until the load stores 7 (and 70, a word of bits further).
            try db.execute(sql: "INSERT INTO session_pack (episode_no, facts) VALUES (2, x'01'), (5, x'01')")
            var packed = try PackedEpisodes(db, packTable: SessionPack.packTable)
            #expect((1...5).allSatisfy { packed.mayHavePack($0) })
            #expect(!(6...10).contains { packed.mayHavePack($0) })
            packed.noteStored(7)
            packed.noteStored(70)
            #expect(packed.mayHavePack(7) && packed.mayHavePack(70))
            #expect(![6, 8, 69, 71].contains { packed.mayHavePack($0) })
        }
    }
}
