import Foundation
import CSQLiteTuning
import GRDB

/// The program's SQLite database: one writer, migrated on open, with intent-named methods
/// for loading files and reading data for analysis.
public final class OutcomesDatabase: Sendable {
    let writer: any DatabaseWriter
    /// How long a write waits for another process's lock before giving up.
    let lockWait: TimeInterval
    /// The file, for a second reading connection; nil in memory.
    let path: String?

    /// How long a write waits, by default, for another load to release the database.
    public static let defaultLockWait: TimeInterval = 10

    /// Wraps an existing writer (tests pass an in-memory `DatabaseQueue()`), migrating it.
    public convenience init(writer: any DatabaseWriter, lockWait: TimeInterval = defaultLockWait) throws {
        try self.init(writer: writer, path: nil, lockWait: lockWait)
    }

    private init(writer: any DatabaseWriter, path: String?, lockWait: TimeInterval, migrating: Bool = true) throws {
        self.writer = writer
        self.lockWait = lockWait
        self.path = path
        if migrating { try explainingLocks { try Migrations.migrator.migrate(writer) } }
    }

    /// A second, read-only connection to the same file, so that two reads can run at once on
    /// two cores (in WAL mode readers do not wait for each other). A database in memory has no
    /// second connection: it returns itself, and the reads take turns.
    public func concurrentReader() throws -> OutcomesDatabase {
        guard let path else { return self }
        var configuration = Self.configuration(lockWait: lockWait)
        configuration.readonly = true
        let queue = try Self.explainingLocks(database: path, lockWait: lockWait) {
            try DatabaseQueue(path: path, configuration: configuration)
        }
        return try OutcomesDatabase(writer: queue, path: path, lockWait: lockWait, migrating: false)
    }

    /// Opens the database file at `path` in WAL mode with foreign keys on, creating it
    /// owner-only (0600), with `pageSize` pages, when it does not exist yet. A write waits up to `lockWait` seconds
    /// for another process's load to finish.
    public convenience init(path: String, lockWait: TimeInterval = defaultLockWait) throws {
        _ = Self.sqliteConfigured
        try OwnerOnlyFile.create(path)
        var configuration = Self.configuration(lockWait: lockWait)
        configuration.prepareDatabase { db in
            // The page size takes effect when a new file is first written; an existing file
            // keeps its own (in WAL mode it cannot change).
            try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
            // WAL persists in the file; setting it again on an existing database writes nothing.
            // (A DatabaseQueue, not a pool: a pool writes a scratch table on open.)
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let queue = try Self.explainingLocks(database: path, lockWait: lockWait) {
            try DatabaseQueue(path: path, configuration: configuration)
        }
        try self.init(writer: queue, path: path, lockWait: lockWait)
    }

    /// The page size of a new database file, in bytes. Measured on a 100,000-episode network's
    /// sessions file (3.3 million rows, paired runs of the whole `ingest`): 16 KiB pages load it in
    /// 0.86 of the time 4 KiB pages (SQLite's default) take, fewer pages meaning fewer B-tree
    /// splits and less kernel time writing the WAL; 32 KiB pages were no faster than 16 KiB, and
    /// `report qi-review` on the loaded network takes 0.95 of its time with 4 KiB pages.
    static let pageSize = 16384

    /// Multi-thread mode, statement journals in memory and URI file names, once per process,
    /// before the first connection (see CSQLiteTuning).
    static let sqliteConfigured: Int32 = iop_sqlite_configure_for_single_writer()

    /// The settings every connection shares, files and in-memory copies alike.
    static func configuration(lockWait: TimeInterval) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(lockWait)
        return configuration
    }

    /// An in-memory database, for tests.
    public static func inMemory() throws -> OutcomesDatabase {
        _ = sqliteConfigured
        return try OutcomesDatabase(writer: DatabaseQueue(configuration: configuration(lockWait: defaultLockWait)))
    }

    /// An empty database in a private temporary file, for validating files without a database:
    /// its rows do not stay in memory (`temporaryQueue()`).
    public static func temporary() throws -> OutcomesDatabase {
        try OutcomesDatabase(writer: temporaryQueue())
    }

    /// SQLite's private temporary database (an empty file name): a file in the temporary
    /// directory (`SQLITE_TMPDIR`, else `TMPDIR`, else `/var/tmp` or `/tmp`) that SQLite unlinks as
    /// soon as it has opened it, so that nothing is left behind even when the process is killed;
    /// only SQLite's page cache is in memory, and the file needs free space for what is written.
    static func temporaryQueue() throws -> DatabaseQueue {
        _ = sqliteConfigured
        return try DatabaseQueue(path: "", configuration: configuration(lockWait: defaultLockWait))
    }

    /// Row counts of the record tables, by SQL table name.
    public func tableCounts() throws -> [String: Int] {
        try writer.read { db in
            var counts: [String: Int] = [:]
            for table in ["episode", "session", "assessment", "goal", "clinical_event", "load_log", "rejected_row",
                          "record_history"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }
}

/// Creates files readable and writable by their owner only.
public enum OwnerOnlyFile {
    /// Creates `path` with mode 0600 if it does not exist; an existing file keeps its content
    /// and is narrowed to 0600.
    public static func create(_ path: String) throws {
        let descriptor = open(path, O_CREAT | O_WRONLY, 0o600)
        guard descriptor >= 0 else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// Failures of the store itself (not of input rows, which are `IngestIssue`s).
public enum StoreError: Error, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    /// The schema refused a row of a file being loaded.
    case rowRefused(RefusedRow)
    /// Stored rows that did not decode when read back.
    case unreadableRows(UnreadableRows)
    case sqlite(message: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): return "cannot create \(path): \(reason)"
        case .rowRefused(let refused): return refused.description
        case .unreadableRows(let rows): return rows.description
        case .sqlite(let message): return "database error: \(message)"
        }
    }
}
