import Foundation
import GRDB

extension OutcomesDatabase {
    /// Runs `body`, turning SQLite's "database is locked" (after `lockWait` seconds of waiting
    /// for another process's transaction) into `DatabaseAccessError.locked` naming the file.
    func explainingLocks<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw DatabaseAccessError.locked(database: writer.path, seconds: lockWait)
        }
    }
}
