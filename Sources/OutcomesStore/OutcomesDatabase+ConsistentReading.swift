import GRDB

extension OutcomesDatabase {
    /// How many times `readingConsistently` runs its reads before it gives up.
    public static let consistentReadAttempts = 3

    /// Runs `read` until no other connection committed to the file while it ran, and returns
    /// what that run returned; throws `DatabaseAccessError.changedWhileReading` when a commit
    /// came during each of `attempts` runs.
    ///
    /// An analysis reads the store in several transactions, and on two connections at once
    /// (`concurrentReader()`); a load committing in between would leave it with, say, the new
    /// sessions of the episodes read after the commit and not of those read before: figures of
    /// no state the database was ever in, and a provenance list of loads that does not match them.
    /// SQLite's `data_version` changes on this connection whenever any other connection (this
    /// process's second reader never writes) commits; the same value before and after `read`
    /// means every read saw the same committed state.
    /// A read that waits out `lockWait` for a load that locks readers out (`ingest --exclusive`)
    /// throws `DatabaseAccessError.locked`.
    public func readingConsistently<T>(attempts: Int = consistentReadAttempts, _ read: () throws -> T) throws -> T {
        try explainingLocks {
            for _ in 0..<attempts {
                let before = try dataVersion()
                let value = try read()
                if try dataVersion() == before { return value }
            }
            throw DatabaseAccessError.changedWhileReading(database: path ?? ":memory:")
        }
    }

    /// SQLite's `PRAGMA data_version` on this connection.
    private func dataVersion() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
