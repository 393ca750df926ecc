import Foundation

/// The database file cannot be used as asked: another process holds its lock, it changed while
/// being read, or it is not a database this version can read. Names the file, never a row.
public enum DatabaseAccessError: Error, Equatable, CustomStringConvertible {
    /// A write, or a read while a load locks readers out (`ingest --exclusive`), waited `seconds`
    /// for the lock another process holds (a load in progress).
    case locked(database: String, seconds: TimeInterval)
    /// The file holds no iop-outcomes schema.
    case notAnOutcomesDatabase(database: String)
    /// The schema has migrations this version does not know: a newer version wrote it.
    case newerSchema(database: String)
    /// A load wrote to the file while a read-only snapshot was taken.
    case changedWhileReading(database: String)
    /// A write stopped part-way and left a rollback journal that a read-only connection cannot
    /// roll back (`-journal` beside the file).
    case unfinishedWrite(database: String)
    /// The temporary directory had no room for the private copy a dry run works on (about
    /// `bytes`, the file's size).
    case noRoomForCopy(database: String, bytes: UInt64)
    /// The disk filled while `file` was loaded: its load was undone.
    case diskFull(database: String, file: String)

    public var description: String {
        switch self {
        case .locked(let database, let seconds):
            let waited = seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)
            return "\(database): another load is running (the database stayed locked for \(waited) s); "
                + "try again when it has finished"
        case .notAnOutcomesDatabase(let database):
            return "\(database): not an iop-outcomes database (no schema); create one with `iop-outcomes init`"
        case .newerSchema(let database):
            return "\(database): written by a newer version of iop-outcomes; use that version"
        case .changedWhileReading(let database):
            return "\(database): another load wrote to the database while it was read; try again when it has finished"
        case .unfinishedWrite(let database):
            return "\(database): a write to the database stopped part-way and left \(database)-journal to undo; "
                + "any command that opens it for writing (such as `iop-outcomes loads --db \(database)`) undoes it, "
                + "then run this again"
        case .noRoomForCopy(let database, let bytes):
            return "\(database): no room in the temporary directory for the private copy that validate works on "
                + "(about \(max(bytes / 1_000_000, 1)) MB); free space there, "
                + "or set SQLITE_TMPDIR to a directory with room"
        case .diskFull(let database, let file):
            return "\(database): the disk is full: nothing of \(file) was loaded (files loaded before it stay "
                + "loaded); free space and load it again"
        }
    }
}
