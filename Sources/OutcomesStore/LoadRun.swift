import Foundation
import GRDB
import GRDBSQLite
import OutcomesCore

extension OutcomesDatabase {
    /// Runs `body` with a `LoadRun` on the writer's connection.
    ///
    /// Each file loads in its own transaction. With `dryRun`, the whole run is one transaction
    /// rolled back at the end: every check runs (files see the episodes of earlier files) and
    /// nothing is written.
    ///
    /// With `exclusive` (and not `dryRun`), readers are locked out while each file's transaction
    /// writes, for a faster load (`lockOutReaders`), unless another connection is reading the
    /// database: `LoadRun.locksOutReaders` says which.
    ///
    /// A write that waits longer than `lockWait` for another load fails with
    /// `DatabaseAccessError.locked`.
    public func loadRun<T>(dryRun: Bool, exclusive: Bool = false, _ body: (LoadRun) throws -> T) throws -> T {
        try explainingLocks {
            try writer.writeWithoutTransaction { db in
                // A large page cache while loading (`LoadRun.pageCacheKiB`); reads for analysis
                // scan once and keep SQLite's default.
                try db.execute(sql: "PRAGMA cache_size = -\(LoadRun.pageCacheKiB(dryRun: dryRun))")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                // The statement journal, from which a batch insert that breaks a rule is backed
                // out, stays in memory up to 8 MiB (CSQLiteTuning); on disk its every page was a
                // write (measured: 4 times the writes of the whole load). A crash still rolls the
                // file's transaction back from the WAL.
                // Foreign keys unchecked while loading (measured on a 1.66 M-row sessions file:
                // the three parent lookups per row cost a fifth of the writing thread), since every
                // reference a load writes holds by construction: an episode number is looked up
                // by its id on this connection (an unknown id gives NULL, which NOT NULL refuses,
                // naming the row and `episode_id`), staff and instrument numbers are looked up or
                // added in the same transaction, `load_id` is the load's own row, and a load
                // deletes nothing. No check after each file either: `foreign_key_check` reads the
                // whole table (0.4 s for 1.66 M sessions, growing with the history, not the file).
                // SQLite ignores this pragma inside a transaction: set it before any.
                let enforcingForeignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { if enforcingForeignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                let run = LoadRun(db: db, dryRun: dryRun, databasePath: writer.path)
                guard dryRun else {
                    run.locksOutReaders = try exclusive && Self.lockOutReaders(db)
                    defer { if run.locksOutReaders { Self.letReadersIn(db) } }
                    return try body(run)
                }
                try db.execute(sql: "BEGIN IMMEDIATE")
                defer { try? db.execute(sql: "ROLLBACK") }
                return try body(run)
            }
        }
    }
}

/// A sequence of file loads on one connection.
public final class LoadRun {
    let db: Database
    let dryRun: Bool
    /// The database file, for errors.
    let databasePath: String
    /// True when readers are locked out for the run (`OutcomesDatabase.lockOutReaders`).
    public internal(set) var locksOutReaders = false

    init(db: Database, dryRun: Bool, databasePath: String) {
        self.db = db
        self.dryRun = dryRun
        self.databasePath = databasePath
    }

    /// The page cache of a run's loads, in KiB. 64 MB: a large sessions or assessments load then
    /// rarely spills pages to the WAL mid-transaction. A dry run (`validate`) keeps 32 MB: the
    /// cache is a cap that pages fill as far as the tables read allow, and at 64 MB a dry run's
    /// peak grew with the history (100,000 sessions checked: 104.8 MB against a 200,000-episode
    /// network, 125.9 MB against 1,000,000, +20.1%, over issue 13's 20%); at 32 MB, 82.3 and
    /// 97.2 MB (+18%), as fast (1.54 s against 1.58 s, 6.9 s against 7.9 s).
    static func pageCacheKiB(dryRun: Bool) -> Int { dryRun ? smallPageCacheKiB : 65_536 }

    /// The page cache of dry runs and events loads, in KiB (32 MB).
    private static let smallPageCacheKiB = 32_768

    /// The page cache of one file's load, in KiB: the run's, but at most 32 MB for clinical
    /// events. An events load writes at random places (the table's natural key and its index
    /// begin with the patient's pseudonym, a uniform hash), so every page it touches stays
    /// cached up to the cap: 31 MB for the 89,878 events of a 200,000-episode network, all 64 MB
    /// for the 491,567 of 1,000,000 episodes (peak 84.6 -> 116.6 MB, +38%, over issue 13's 20%).
    /// At 32 MB: 84.8 and 84.9 MB, for a load 1.25 times as long at 1,000,000 episodes (11.0 s
    /// against 9.3 s, 5 alternated pairs; about 1% of that network's whole load).
    func pageCacheKiB(for table: CanonicalTable) -> Int {
        let run = Self.pageCacheKiB(dryRun: dryRun)
        return table == .events ? min(run, Self.smallPageCacheKiB) : run
    }

    /// Loads one file in one transaction: `body` stores or rejects each row through the
    /// `FileLoad`; the load log and the rejected rows are written in the same transaction. A
    /// file whose SHA-256 was already loaded for the same table is skipped, and the summary says
    /// so, unless `reload` is set: the file is then read again as a load of its own that adds
    /// the rows not stored yet (those rejected before for want of their episodes, say) and
    /// changes no stored row (`FileLoad.keepsStored`), its load-log line naming the first load.
    /// A file none of whose rows names a known episode is undone and not recorded
    /// (`LoadSummary.notRecorded`). A file that fills the disk is undone and throws
    /// `DatabaseAccessError.diskFull`.
    public func loadFile(
        file: String, table: CanonicalTable, sha256: String, parameters: String,
        softwareVersion: String, loadedAt: String, reload: Bool = false, _ body: (FileLoad) throws -> Void
    ) throws -> LoadSummary {
        try loadFile(file: file, table: table, digest: { sha256 }, parameters: parameters,
                     softwareVersion: softwareVersion, loadedAt: loadedAt, reload: reload, body)
    }

    /// `loadFile(file:table:sha256:...)` with the file's SHA-256 given by `digest` (computed
    /// ahead on a thread of its own while files are read, or then, when that thread has not
    /// finished: `FileDigests`). It is asked before the load when `table` has earlier loads to
    /// compare it with; a table with none cannot hold this file's bytes, so its first load starts
    /// at once and the digest is asked once the rows are in, for the load log, in the same
    /// transaction (measured on a 450 MB sessions file: asked first, it held the loading thread
    /// 0.30 s, 3% of the load).
    public func loadFile(
        file: String, table: CanonicalTable, digest: () throws -> String, parameters: String,
        softwareVersion: String, loadedAt: String, reload: Bool = false, _ body: (FileLoad) throws -> Void
    ) throws -> LoadSummary {
        let known = try hasEarlierLoads(table) ? try digest() : nil
        var summary = LoadSummary(file: file, table: table, sha256: known ?? Self.digestToCome)
        let earlier = try known.map { try earlierLoads(sha256: $0, table: table) } ?? nil
        if let earlier, !reload {
            summary.previousLoadID = earlier.first
            summary.rejectedBefore = earlier.latestRejected
            return summary
        }
        summary.reloadOf = earlier?.first
        let cache = pageCacheKiB(for: table), runCache = Self.pageCacheKiB(dryRun: dryRun)
        if cache != runCache { try db.execute(sql: "PRAGMA cache_size = -\(cache)") }
        defer { if cache != runCache { try? db.execute(sql: "PRAGMA cache_size = -\(runCache)") } }
        try db.execute(sql: "SAVEPOINT file_load")
        do {
            try db.execute(
                sql: """
                INSERT INTO load_log (file, table_name, sha256, rows_read, loaded, updated, duplicates, rejected,
                                      loaded_at, software_version, parameters, reload_of)
                VALUES (?, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?, ?)
                """,
                arguments: [file, table.rawValue, summary.sha256, loadedAt, softwareVersion, parameters, earlier?.first])
            let loader = try FileLoad(db: db, loadID: db.lastInsertedRowID, summary: summary,
                                      keepsStored: earlier != nil)
            try body(loader)
            try loader.finish()
            summary = loader.summary
            summary.sha256 = try known ?? digest()
            if summary.read > 0, summary.rejectsByReason[.unknownEpisode] == summary.read {
                // Loaded before its episodes: recording it would make it "already loaded" when
                // loaded again after them, its rows never tried again.
                try db.execute(sql: "ROLLBACK TO file_load")
                try db.execute(sql: "RELEASE file_load")
                summary.notRecorded = true
                return summary
            }
            try db.execute(
                sql: """
                UPDATE load_log SET sha256 = ?, rows_read = ?, loaded = ?, updated = ?, duplicates = ?, rejected = ?
                WHERE id = ?
                """,
                arguments: [summary.sha256, summary.read, summary.loaded, summary.updated, summary.duplicates,
                            summary.rejected, loader.loadID])
            try db.execute(sql: "RELEASE file_load")
        } catch {
            // Read before the rollback, which sets the connection's error code again.
            let diskFull = (error as? DatabaseError)?.resultCode == .SQLITE_FULL
                || sqlite3_errcode(db.sqliteConnection) == SQLITE_FULL
            try? db.execute(sql: "ROLLBACK TO file_load")
            try? db.execute(sql: "RELEASE file_load")
            if diskFull { throw DatabaseAccessError.diskFull(database: databasePath, file: file) }
            throw error
        }
        return summary
    }

    /// What the load log holds for a first load's SHA-256 until its digest is known: 64 digits,
    /// as the column requires, replaced before the load's transaction commits.
    private static let digestToCome = String(repeating: "0", count: 64)

    /// True when `table` has a load in the load log (or an earlier one of this run).
    private func hasEarlierLoads(_ table: CanonicalTable) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM load_log WHERE table_name = ?)",
                          arguments: [table.rawValue]) ?? false
    }

    /// The first load of the file with `sha256` as `table`, and how many rows its latest load
    /// (the first, or the last reload) rejected; nil when it was never loaded.
    private func earlierLoads(sha256: String, table: CanonicalTable) throws -> (first: Int64, latestRejected: Int)? {
        let row = try Row.fetchOne(db, sql: """
            SELECT min(id),
                   (SELECT rejected FROM load_log WHERE sha256 = ?1 AND table_name = ?2 ORDER BY id DESC LIMIT 1)
            FROM load_log WHERE sha256 = ?1 AND table_name = ?2
            """, arguments: [sha256, table.rawValue])
        guard let row, let first: Int64 = row[0] else { return nil }
        return (first, row[1] ?? 0)
    }
}
