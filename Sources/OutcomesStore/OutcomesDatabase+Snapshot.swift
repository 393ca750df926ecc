import Foundation
import GRDB

extension OutcomesDatabase {
    /// A private copy of the database file at `path`, for dry runs: the file is read through a
    /// read-only connection and never written, migrated or re-moded, and no `-wal` or `-shm` file
    /// appears beside it. A dry run's rolled-back writes, and the migration of a file made by an
    /// older version, happen in the copy only.
    ///
    /// The copy is a private temporary file (`temporaryQueue()`), which needs free space about
    /// the file's size. An in-memory copy held the whole file in memory: 1.2 GB for a
    /// 200,000-episode network, 7.7 GB for 1,000,000.
    ///
    /// Throws `DatabaseAccessError` when the file holds no iop-outcomes schema, was written by a
    /// newer version, changed while it was copied, or holds a write that stopped part-way.
    public static func readOnlySnapshot(path: String) throws -> OutcomesDatabase {
        _ = sqliteConfigured
        let opening = SnapshotSource(path: path)
        var configuration = configuration(lockWait: defaultLockWait)
        configuration.readonly = true
        let source: DatabaseQueue
        do {
            source = try DatabaseQueue(path: opening.uri, configuration: configuration)
            try source.read { db in
                let applied = try Migrations.migrator.appliedIdentifiers(db)
                guard !applied.isEmpty else { throw DatabaseAccessError.notAnOutcomesDatabase(database: path) }
                guard try !Migrations.migrator.hasBeenSuperseded(db) else {
                    throw DatabaseAccessError.newerSchema(database: path)
                }
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK {
            throw DatabaseAccessError.unfinishedWrite(database: path)
        }
        let copy = try temporaryQueue()
        do {
            try source.backup(to: copy)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw DatabaseAccessError.noRoomForCopy(database: path, bytes: FileStamp(path: path).size ?? 0)
        }
        try source.close()
        guard opening.isUnchanged else { throw DatabaseAccessError.changedWhileReading(database: path) }
        return try OutcomesDatabase(writer: copy)
    }
}

/// How a snapshot opens its source file.
///
/// A WAL database with neither a `-wal` nor a `-shm` file is open nowhere else and wholly in
/// its main file; a read-only connection would create both files and leave them behind, so it
/// is opened as immutable (no locks, no side files), and a change of the main file's size or
/// modification time by a writer that starts meanwhile fails the snapshot. When the side files
/// exist, an ordinary read-only connection shares them and SQLite's locks keep the copy whole.
///
/// A `-journal` file beside it is a write in rollback mode that stopped part-way (say, the
/// README's page-size conversion, killed): the main file may hold its uncommitted pages until a
/// writing connection rolls the journal back. Opened immutable, SQLite ignores the journal and
/// reads those pages (tried: an interrupted UPDATE's new values came back); opened read-only,
/// it refuses (`DatabaseAccessError.unfinishedWrite`).
struct SnapshotSource {
    let path: String
    let immutable: Bool
    private let stamp: FileStamp

    init(path: String) {
        self.path = path
        immutable = !["-wal", "-shm", "-journal"].contains { side in
            FileManager.default.fileExists(atPath: path + side)
        }
        stamp = FileStamp(path: path)
    }

    /// A read-only `file:` URI for the path.
    var uri: String { "file:\(Self.escaped(path))?mode=ro" + (immutable ? "&immutable=1" : "") }

    /// False when an immutable opening's file changed since `init`.
    var isUnchanged: Bool { !immutable || FileStamp(path: path) == stamp }

    /// `path` with the characters a URI gives a meaning (`%`, `?`, `#`) percent-encoded.
    static func escaped(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3F")
            .replacingOccurrences(of: "#", with: "%23")
    }
}

/// What changes when anything writes to a file: its size and modification time.
struct FileStamp: Equatable {
    var size: UInt64?
    var modified: Date?

    init(path: String) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        size = (attributes?[.size] as? NSNumber)?.uint64Value
        modified = attributes?[.modificationDate] as? Date
    }
}
