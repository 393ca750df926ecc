import Foundation
import GRDB
import Testing
import OutcomesCore
@testable import OutcomesStore

/// Migration v8: sessions, assessments and goals keyed by natural key alone, every row kept with
/// its values, every pack kept byte for byte, and each pack given its rows' natural keys, which
/// the next load merges with.
@Suite("Migration v8: records keyed by natural key alone, packs with their keys")
struct NaturalKeyMigrationTests {
    static var packs: [any EpisodePack.Type] { [SessionPack.self, AssessmentPack.self, GoalPack.self] }

    /// Every row of the three tables, in natural-key order, as text.
    static func rows(_ db: Database) throws -> [String] {
        try packs.flatMap { pack in
            try Row.fetchAll(db, sql: "SELECT * FROM \(pack.table) ORDER BY natural_key").map(\.description)
        }
    }

    /// Every pack, as `table episode_no:hex(facts)`.
    static func packBytes(_ db: Database) throws -> [String] {
        try packs.flatMap { pack in
            try String.fetchAll(db, sql: """
                SELECT '\(pack.packTable) ' || episode_no || ':' || hex(facts) FROM \(pack.packTable)
                ORDER BY episode_no
                """)
        }
    }

    /// A v7 database holding the rows of the v4 migration's test database, and more sessions of
    /// E1 (episode 2), on days before and after its session S1 of 2026-09-02.
    static func v7Database() throws -> DatabaseQueue {
        let queue = try AnalysisStoreMigrationTests.v3Database()
        try Migrations.migrator.migrate(queue, upTo: "v7: files loaded again on request")
        try queue.write { db in
            let day = { (iso: String) in Day(iso: iso)!.ordinal }
            try db.execute(sql: """
                INSERT INTO session VALUES (2, \(day("2026-09-09")), '2:id2:S9', 'S9', 0, 1, 0, 60, 60, NULL, 1),
                                           (2, \(day("2026-09-01")), '2:id3:S10', 'S10', 1, 0, 3, 60, NULL, NULL, 1);
                """)
            try SessionPack.refreshAll(db, keyLists: false)
        }
        return queue
    }

    @Test func everyRowAndPackIsKeptAndTheKeysAreThoseOfThePacksRows() throws {
        let queue = try Self.v7Database()
        let (rowsBefore, packsBefore) = try queue.read { (try Self.rows($0), try Self.packBytes($0)) }
        #expect(rowsBefore.count == 2 + 2 + 2 + 1 && packsBefore.count == 2 + 2 + 1)
        _ = try OutcomesDatabase(writer: queue)  // migrates to v8
        try queue.read { db in
            #expect(try Self.rows(db) == rowsBefore)
            #expect(try Self.packBytes(db) == packsBefore)
            // E1's sessions in pack order (day, then key): S10 (09-01), s1 (09-02), S9 (09-09); E2's one
            let sessionKeys = try Self.keyLists(db, SessionPack.self)
            #expect(sessionKeys == [1: ["s2"], 2: ["2:id3:S10", "s1", "2:id2:S9"]])
            #expect(try Self.keyLists(db, AssessmentPack.self) == [1: ["a2"], 2: ["a1"]])
            #expect(try Self.keyLists(db, GoalPack.self) == [2: ["g1"]])
            for pack in Self.packs {
                // One b-tree: the primary key on natural_key, no other index
                let indexes = try Row.fetchAll(db, sql: "SELECT name, origin FROM pragma_index_list('\(pack.table)')")
                #expect(indexes.map { $0["origin"] as String } == ["pk"], "\(pack.table)")
                let key = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info('\(pack.table)') WHERE pk > 0")
                #expect(key.map { $0["name"] as String } == ["natural_key"], "\(pack.table)")
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") == 0)
        }
    }

    @Test func aLoadAfterTheMigrationMergesIntoTheMigratedPacks() throws {
        let queue = try Self.v7Database()
        let db = try OutcomesDatabase(writer: queue)
        // When a file brings E1's session of 09-05 and changes S9's status (an update within the pack)
        try db.loadRun(dryRun: false) { run in
            _ = try run.loadFile(file: "s.csv", table: .sessions, sha256: String(repeating: "b", count: 64),
                                 parameters: "{}", softwareVersion: "test", loadedAt: "t") { load in
                try load.add(PreparedRecord(Session(sessionID: "S11", episodeID: "E1", date: Day(iso: "2026-09-05")!,
                                                    type: .group, status: .attended, scheduledMinutes: 60)))
                try load.add(PreparedRecord(Session(sessionID: "S9", episodeID: "E1", date: Day(iso: "2026-09-09")!,
                                                    type: .group, modality: .telehealth, status: .noShow,
                                                    scheduledMinutes: 60, attendedMinutes: 60)))
            }
        }
        // Then E1's keys are in day order, and its pack and keys are those a rebuild from the rows gives
        let keys = try queue.read { try Self.keyLists($0, SessionPack.self) }
        #expect(keys[2] == ["2:id3:S10", "s1", "2:id3:S11", "2:id2:S9"])
        let (stored, rebuilt) = try EpisodePackBuilderTests.storedAndRebuilt(db)
        #expect(stored == rebuilt)
        var statuses: [SessionStatus] = []
        try db.forEachSessionFacts(ofEpisodes: [2...2], through: Day(iso: "2026-12-31")!) { statuses.append($0.status) }
        #expect(statuses == [.noShow, .leftEarly, .attended, .noShow])
    }

    @Test func aDamagedKeyListFailsTheLoadThatWouldMergeWithIt() throws {
        let queue = try Self.v7Database()
        let db = try OutcomesDatabase(writer: queue)
        // Its first key said to share 5 bytes with a key before it
        try queue.write {
            try $0.execute(sql: "UPDATE session_pack_key SET natural_keys = x'0105' WHERE episode_no = 2")
        }
        let error = #expect(throws: StoreError.self) {
            try db.loadRun(dryRun: false) { run in
                _ = try run.loadFile(file: "s.csv", table: .sessions, sha256: String(repeating: "b", count: 64),
                                     parameters: "{}", softwareVersion: "test", loadedAt: "t") { load in
                    try load.add(PreparedRecord(Session(episodeID: "E1", date: Day(iso: "2026-09-05")!, type: .group,
                                                        status: .attended, scheduledMinutes: 60)))
                }
            }
        }
        #expect(error?.description.contains("session_pack of episode 2 does not decode") == true)
    }

    /// Each episode's natural keys as its key list holds them.
    static func keyLists(_ db: Database, _ pack: any EpisodePack.Type) throws -> [Int64: [String]] {
        var lists: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT episode_no, natural_keys FROM \(pack.keyTable)") {
            let bytes = [UInt8](row["natural_keys"] as Data)
            lists[row["episode_no"]] = try bytes.withUnsafeBytes { try NaturalKeyList.decode($0) }
        }
        return lists
    }
}
