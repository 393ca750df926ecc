import Foundation
import GRDB

extension OutcomesDatabase {
    /// Runs `body`, turning SQLite's "database is locked" (after `lockWait` seconds of waiting
    /// for another process's transaction) into `DatabaseAccessError.locked` naming the file.
    func explainingLocks<T>(_ body: () throws -> T) throws -> T {
        try Self.explainingLocks(database: writer.path, lockWait: lockWait, body)
    }

    /// Runs `body`, turning "database is locked" into `DatabaseAccessError.locked` naming
    /// `database`: for opening a file, before there is an `OutcomesDatabase` (a connection's
    /// first statement waits for a load that locks readers out, `ingest --exclusive`).
    static func explainingLocks<T>(database: String, lockWait: TimeInterval, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw DatabaseAccessError.locked(database: database, seconds: lockWait)
        }
    }
}
