import GRDB
import Testing
@testable import OutcomesStore

/// Migration v7: the load log of a v6 database keeps every line and the rows that name them;
/// a file's first load stays unique, and a reload is a line of its own naming an earlier load.
@Suite("Migration v7: reloads in the load log")
struct ReloadMigrationTests {
    static let digest = String(repeating: "a", count: 64)

    /// A v6 database with two loads (episodes, then sessions) and a reject of the second.
    static func v6Database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v6: sessions, assessments and goals packed per episode")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO load_log VALUES (1, 'e.csv', 'episodes', '\(digest)', 1, 1, 0, 0, 0, 't1', 'v', '{}');
                INSERT INTO load_log VALUES (2, 's.csv', 'sessions', '\(digest)', 3, 2, 0, 0, 1, 't2', 'v', '{}');
                INSERT INTO rejected_row (load_id, row_number, column_name, reason, message, raw_line)
                    VALUES (2, 4, 'episode_id', 'unknown_episode', 'no such episode', 'S3,E2');
                """)
        }
        return queue
    }

    @Test func everyLoadKeepsItsLineAndRejects() throws {
        let queue = try Self.v6Database()
        let db = try OutcomesDatabase(writer: queue)  // migrates to v7
        let log = try db.loadLog()
        #expect(log.map(\.id) == [1, 2])
        #expect(log.map(\.read) == [1, 3] && log.map(\.rejected) == [0, 1])
        #expect(log.map(\.reloadOf) == [nil, nil])
        #expect(log[1].rejectsByReason == [.unknownEpisode: 1])
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM pragma_foreign_key_check") } == 0)
    }

    @Test func aFirstLoadStaysUniqueAndAReloadNamesAnEarlierLoad() throws {
        let queue = try Self.v6Database()
        _ = try OutcomesDatabase(writer: queue)
        try queue.write { db in
            // A second first load of the same bytes as the same table breaks the unique index.
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO load_log VALUES (3, 's.csv', 'sessions', '\(Self.digest)', "
                               + "0, 0, 0, 0, 0, 't3', 'v', '{}', NULL)")
            }
            // A reload of load 2 is recorded, but not one naming a later load.
            try db.execute(sql: "INSERT INTO load_log VALUES (3, 's.csv', 'sessions', '\(Self.digest)', "
                           + "3, 1, 0, 2, 0, 't3', 'v', '{}', 2)")
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO load_log VALUES (4, 's.csv', 'sessions', '\(Self.digest)', "
                               + "0, 0, 0, 0, 0, 't4', 'v', '{}', 5)")
            }
        }
    }
}
