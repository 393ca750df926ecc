import GRDB

/// v8: sessions, assessments and goals keyed by their natural key alone (issue 13, item 6).
///
/// Since v4 each of these tables was clustered by episode (its primary key began with
/// `episode_no`) and kept its natural key unique in an index besides: two b-trees written per
/// row. Measured on the 6.67 million session rows of a 200,000-episode network, SQLite alone
/// inserting them in the table's order took 7.8 to 8.6 s into the v7 table and 5.6 s into one
/// keyed by natural key alone; the sessions ingest takes about 0.86 of its time and leaves a
/// database of 519 MB instead of 697 MB. The clustering served one reader, the rebuild of an episode's pack
/// from its rows; since v8 each pack has its rows' natural keys beside it (`NaturalKeyList`, in
/// the pack's key table), and a load merges into the pack instead (`EpisodePackBuilder`).
extension Migrations {
    /// The packs of the tables that have them.
    private static var packedTables: [any EpisodePack.Type] { RecordTable.allCases.compactMap(\.pack) }

    /// Gives each pack its key list, then remakes the three tables keyed by natural key, every
    /// row kept (counted before and after).
    static func keyByNaturalKey(_ db: Database) throws {
        let before = try rowCounts(db)
        for pack in packedTables {
            // The key lists are built while the rows are still clustered by episode: one ordered read.
            try db.execute(sql: pack.createKeyTable)
            try pack.refreshAll(db)
            try db.execute(sql: """
                \(try v8Statement(db, table: pack.table));
                INSERT INTO \(pack.table)_v8 SELECT * FROM \(pack.table) ORDER BY natural_key;
                DROP TABLE \(pack.table);
                ALTER TABLE \(pack.table)_v8 RENAME TO \(pack.table);
                """)
        }
        let after = try rowCounts(db)
        guard before == after else {
            throw StoreError.sqlite(message: "v8 migration: row counts changed from \(before) to \(after)")
        }
    }

    /// Rows per converted table: the conversion must keep every one.
    private static func rowCounts(_ db: Database) throws -> [Int] {
        try packedTables.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0.table)") ?? 0 }
    }

    /// The statement that makes `table`'s v8 copy, `<table>_v8`: the statement the database
    /// holds for it (v4's), its columns and constraints as they are, its natural key made the
    /// primary key and its key by episode dropped. Each change must apply exactly once.
    private static func v8Statement(_ db: Database, table: String) throws -> String {
        guard var statement = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) else {
            throw StoreError.sqlite(message: "v8 migration: the database has no \(table) table")
        }
        let changes = [
            (#"^CREATE TABLE "?"# + table + #""? \("#, "CREATE TABLE \(table)_v8 ("),
            (#"natural_key TEXT NOT NULL UNIQUE,"#, "natural_key TEXT NOT NULL PRIMARY KEY,"),
            (#",\s*PRIMARY KEY \(episode_no[^)]*\)"#, ""),
        ]
        for (pattern, replacement) in changes {
            let regex = try Regex(pattern)
            guard statement.matches(of: regex).count == 1 else {
                throw StoreError.sqlite(message: "v8 migration: the \(table) table is not as v4 made it")
            }
            statement.replace(regex, with: replacement)
        }
        return statement
    }
}
