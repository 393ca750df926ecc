import GRDB

/// A load that locks readers out (`ingest --exclusive`). In WAL mode every page a load writes
/// goes to the WAL and is copied into the database file at the checkpoint, and every page read
/// looks in the WAL's index first; SQLite's rollback journal (TRUNCATE) writes a new page once
/// and journals only the pages the load changes. Measured on the 200,000-episode network's
/// sessions (paired whole-process runs): 0.72 of the time for its first 1.77 M rows into a
/// database of episodes, 0.75 for its second half into one holding the first. The price: while a
/// file's transaction writes, readers wait (up to the lock wait, then stop) instead of reading the
/// state before it. A command that opens the file between two files' transactions puts it back
/// in WAL mode (its first statement), and the later files then load as usual. A kill leaves a
/// `-journal` beside the file, which the next connection that writes rolls back, as a kill
/// leaves the WAL.
extension OutcomesDatabase {
    /// Switches `db` to the rollback journal with full syncs (NORMAL would risk the file on a
    /// power cut in this mode); false, and `db` left in WAL, when another connection is reading
    /// the database (SQLite refuses at once) or the database has no file.
    static func lockOutReaders(_ db: Database) throws -> Bool {
        let mode: String?
        do {
            mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = TRUNCATE")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            return false
        }
        guard mode?.lowercased() == "truncate" else { return false }
        try db.execute(sql: "PRAGMA synchronous = FULL")
        return true
    }

    /// Puts `db` back in WAL mode with the usual syncs once an exclusive load has ended.
    static func letReadersIn(_ db: Database) {
        try? db.execute(sql: "PRAGMA journal_mode = WAL")
        try? db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
}
