import Foundation
import GRDB
import Testing
import OutcomesCore
@testable import OutcomesStore

/// Opening the database file: locks held by another load, read-only snapshots for dry runs.
@Suite("Database access: locks and read-only snapshots")
struct DatabaseAccessTests {
    /// A fresh folder with a database path in it, removed at the end.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("iop-access-\(UUID().uuidString)")
        var db: String { url.appendingPathComponent("program.sqlite").path }
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
        func mode() throws -> Int? { try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int }
        func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: db)) }
    }

    func episode(_ id: String) -> Episode {
        Episode(patientKey: String(repeating: "a", count: 64), episodeID: id, program: "adult-mh",
                admissionDate: Day(iso: "2026-09-01")!, dischargeDate: nil, dischargeReason: nil)
    }

    /// Loads one episodes file holding `ids` (dry or for real) and returns its summary.
    func load(_ db: OutcomesDatabase, _ ids: [String], sha: String, dryRun: Bool = false) throws -> LoadSummary {
        try db.loadRun(dryRun: dryRun) { run in
            try run.loadFile(file: "episodes.csv", table: .episodes, sha256: String(repeating: sha, count: 64),
                             parameters: "{}", softwareVersion: "test", loadedAt: "2026-11-22T00:00:00Z") { load in
                for id in ids { try load.store(PreparedRecord(episode(id))) }
            }
        }
    }

    @Test("Issue 9.7: a load that waits out another load's lock says another load is running, naming the file")
    func aWaitedOutLockNamesTheDatabase() throws {
        // Given two connections to one file, the second waiting at most 0.2 s for a lock
        let folder = try Folder()
        let first = try OutcomesDatabase(path: folder.db)
        let second = try OutcomesDatabase(path: folder.db, lockWait: 0.2)
        // When the first holds a write transaction (a dry run holds BEGIN IMMEDIATE to its end)
        // and the second tries to load a file meanwhile
        var failure: (any Error)?
        try first.loadRun(dryRun: true) { _ in
            do { _ = try load(second, ["E1"], sha: "1") } catch { failure = error }
        }
        // Then the second load fails with the file named and no SQL in the message
        let error = try #require(failure as? DatabaseAccessError)
        #expect(error == .locked(database: folder.db, seconds: 0.2))
        #expect(error.description == "\(folder.db): another load is running (the database stayed locked for 0.2 s); "
                + "try again when it has finished")
        // And once the first is done the same load goes through
        #expect(try load(second, ["E1"], sha: "1").loaded == 1)
    }

    @Test("A command opening the file while an exclusive load writes waits, then names the file")
    func anOpenDuringAnExclusiveLoadNamesTheFile() throws {
        // Given an exclusive load (rollback journal) that has stored a row of its file
        let folder = try Folder()
        let first = try OutcomesDatabase(path: folder.db)
        var failure: (any Error)?
        let locked = try first.loadRun(dryRun: false, exclusive: true) { run in
            _ = try run.loadFile(file: "episodes.csv", table: .episodes, sha256: String(repeating: "e", count: 64),
                                 parameters: "{}", softwareVersion: "test", loadedAt: "2026-12-02T00:00:00Z") { load in
                try load.store(PreparedRecord(episode("E1")))
                // When another command opens the file meanwhile, waiting at most 0.2 s
                do { _ = try OutcomesDatabase(path: folder.db, lockWait: 0.2) } catch { failure = error }
            }
            return run.locksOutReaders
        }
        // Then it stops with the file named, no SQL, and the load completes in WAL mode again
        #expect(locked)
        #expect(failure as? DatabaseAccessError == .locked(database: folder.db, seconds: 0.2))
        let mode = try DatabaseQueue(path: folder.db).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try OutcomesDatabase(path: folder.db).loadLog().map(\.loaded) == [1])
    }

    @Test func aFileThatFillsTheDiskIsUndoneAndNamed() throws {
        // Given a database whose file may grow by 4 pages (64 KiB) beyond what it holds after
        // one small episodes file: SQLite then fails as on a full disk (SQLITE_FULL)
        let folder = try Folder()
        let db = try OutcomesDatabase(path: folder.db)
        #expect(try load(db, ["E1"], sha: "1").loaded == 1)
        try db.writer.writeWithoutTransaction { connection in
            let pages = try Int.fetchOne(connection, sql: "PRAGMA page_count") ?? 0
            try connection.execute(sql: "PRAGMA max_page_count = \(pages + 4)")
        }
        // When a second file of 5,000 episodes (about 0.7 MB) is loaded
        var failure: (any Error)?
        do { _ = try load(db, (2...5_001).map { "E\($0)" }, sha: "2") } catch { failure = error }
        // Then the error names the database and the file, nothing of that file is kept, and the first stays
        let error = try #require(failure as? DatabaseAccessError)
        #expect(error == .diskFull(database: folder.db, file: "episodes.csv"))
        #expect(error.description == "\(folder.db): the disk is full: nothing of episodes.csv was loaded "
                + "(files loaded before it stay loaded); free space and load it again")
        let counts = try db.writer.read { connection in
            [try Int.fetchOne(connection, sql: "SELECT count(*) FROM episode") ?? -1,
             try Int.fetchOne(connection, sql: "SELECT count(*) FROM load_log") ?? -1]
        }
        #expect(counts == [1, 1])
    }

    @Test("Issue 9.9: a read-only snapshot leaves the file's bytes, side files and mode as they were")
    func aSnapshotWritesNothing() throws {
        // Given a database with one episode, closed (no -wal, no -shm), its mode widened to 0640
        let folder = try Folder()
        _ = try load(try OutcomesDatabase(path: folder.db), ["E1"], sha: "1")
        #expect(chmod(folder.db, 0o640) == 0)
        let (bytes, names) = (try folder.bytes(), try folder.names())
        #expect(names == ["program.sqlite"])
        // When a dry run loads E1 again and E2 into a snapshot
        let snapshot = try OutcomesDatabase.readOnlySnapshot(path: folder.db)
        let summary = try load(snapshot, ["E1", "E2"], sha: "2", dryRun: true)
        // Then it compared with the stored rows (E1 a duplicate, E2 new)
        #expect((summary.loaded, summary.duplicates) == (1, 1))
        // And the file's bytes, the files beside it and its mode are untouched
        #expect(try folder.bytes() == bytes)
        #expect(try folder.names() == names)
        #expect(try folder.mode() == 0o640)
    }

    @Test("Issue 13: a snapshot is a temporary file SQLite has already unlinked, not a copy in memory")
    func aSnapshotIsATemporaryFile() throws {
        let folder = try Folder()
        _ = try load(try OutcomesDatabase(path: folder.db), ["E1"], sha: "1")
        let snapshot = try OutcomesDatabase.readOnlySnapshot(path: folder.db)
        // SQLite's private temporary database has no name and a rollback journal; a copy in
        // memory (`DatabaseQueue()`, as before) has no name either but reports journal mode "memory".
        let (file, mode) = try snapshot.writer.read { db in
            (try String.fetchOne(db, sql: "SELECT file FROM pragma_database_list WHERE name = 'main'"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(file == "")
        #expect(mode == "delete")
        #expect(try snapshot.episodes().map(\.episodeID) == ["E1"])
    }

    @Test("Issue 13: validating without a database loads into a temporary file, not into memory")
    func aScratchDatabaseIsATemporaryFile() throws {
        let scratch = try OutcomesDatabase.temporary()
        let mode = try scratch.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")  // "memory" for OutcomesDatabase.inMemory()
        let inMemory = try OutcomesDatabase.inMemory()
        #expect(try inMemory.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "memory")
        _ = try load(scratch, ["E1", "E2"], sha: "1")
        #expect(try scratch.tableCounts()["episode"] == 2)
    }

    @Test("A dry run's copy that finds no room names the file, the size and the way out")
    func noRoomForTheCopyIsExplained() {
        #expect(DatabaseAccessError.noRoomForCopy(database: "p.sqlite", bytes: 1_181_319_168).description
                == "p.sqlite: no room in the temporary directory for the private copy that validate works on "
                + "(about 1181 MB); free space there, or set SQLITE_TMPDIR to a directory with room")
    }

    @Test func aSnapshotOfAnOpenDatabaseSharesItsSideFiles() throws {
        // Given a database another connection holds open (its -wal and -shm exist)
        let folder = try Folder()
        let open = try OutcomesDatabase(path: folder.db)
        _ = try load(open, ["E1"], sha: "1")
        let names = try folder.names()
        #expect(names == ["program.sqlite", "program.sqlite-shm", "program.sqlite-wal"])
        // When a snapshot is taken, then it sees the committed episode, and the files are the same
        #expect(try OutcomesDatabase.readOnlySnapshot(path: folder.db).tableCounts()["episode"] == 1)
        #expect(try folder.names() == names)
    }

    @Test("A snapshot refuses a file holding a write stopped part-way (a -journal beside it), and reads it once undone")
    func aSnapshotRefusesAnUnfinishedWrite() throws {
        let folder = try Folder()
        do { _ = try load(try OutcomesDatabase(path: folder.db), ["E1"], sha: "1") }
        // Given a copy of the file taken while a transaction in rollback mode had written
        // uncommitted pages into it (a cache of 2 pages spills them): a write killed part-way
        let copy = folder.url.appendingPathComponent("copy.sqlite").path
        try DatabaseQueue(path: folder.db).writeWithoutTransaction { db in
            try db.execute(sql: """
                PRAGMA journal_mode = DELETE;
                CREATE TABLE scratch (x);
                INSERT INTO scratch SELECT zeroblob(2000)
                FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) SELECT i FROM n);
                PRAGMA cache_size = 2;
                BEGIN;
                UPDATE scratch SET x = randomblob(2000);
                UPDATE episode SET program = 'uncommitted';
                """)
            try FileManager.default.copyItem(atPath: folder.db, toPath: copy)
            try FileManager.default.copyItem(atPath: folder.db + "-journal", toPath: copy + "-journal")
            try db.execute(sql: "ROLLBACK")
        }
        // When a snapshot of the copy is taken, then it refuses, naming the file and the way out
        // (opened immutable, it read the uncommitted program)
        #expect(throws: DatabaseAccessError.unfinishedWrite(database: copy)) {
            try OutcomesDatabase.readOnlySnapshot(path: copy)
        }
        #expect(DatabaseAccessError.unfinishedWrite(database: copy).description == "\(copy): a write to the database "
                + "stopped part-way and left \(copy)-journal to undo; any command that opens it for writing (such as "
                + "`iop-outcomes loads --db \(copy)`) undoes it, then run this again")
        // And once a connection that writes has opened it, the journal is gone and the snapshot
        // reads the committed episode
        do { _ = try OutcomesDatabase(path: copy).loadLog() }
        #expect(!FileManager.default.fileExists(atPath: copy + "-journal"))
        #expect(try OutcomesDatabase.readOnlySnapshot(path: copy).episodes().map(\.program) == ["adult-mh"])
    }

    @Test func aSnapshotRefusesAFileWithoutTheSchemaOrFromANewerVersion() throws {
        let folder = try Folder()
        _ = FileManager.default.createFile(atPath: folder.db, contents: Data())
        #expect(throws: DatabaseAccessError.notAnOutcomesDatabase(database: folder.db)) {
            try OutcomesDatabase.readOnlySnapshot(path: folder.db)
        }
        // A migration this version does not know: a newer version wrote the file
        let newer = try OutcomesDatabase(path: folder.db)
        try newer.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
        #expect(throws: DatabaseAccessError.newerSchema(database: folder.db)) {
            try OutcomesDatabase.readOnlySnapshot(path: folder.db)
        }
    }

    @Test func holdsPseudonymsOnceAnEpisodeIsStored() throws {
        let db = try OutcomesDatabase.inMemory()
        #expect(try !db.holdsPseudonyms())
        _ = try load(db, ["E1"], sha: "1")
        #expect(try db.holdsPseudonyms())
    }

    @Test("Issue 13.6: a new file gets 16 KiB pages; a file made with 4 KiB pages keeps them and loads")
    func newFilesGetLargePages() throws {
        let pageSize = { (db: OutcomesDatabase) in
            try db.writer.read { try Int.fetchOne($0, sql: "PRAGMA page_size") }
        }
        // Given a new database, with one episode loaded
        let folder = try Folder()
        let fresh = try OutcomesDatabase(path: folder.db)
        #expect(try load(fresh, ["E1"], sha: "1").loaded == 1)
        // Then its pages are 16 KiB (SQLite would make them 4 KiB)
        #expect(try pageSize(fresh) == 16384)
        // Given a file made by an earlier version, with SQLite's default 4 KiB pages, in WAL mode
        let older = try Folder()
        let queue = try DatabaseQueue(path: older.db)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL") }
        try queue.close()
        // When it is opened and a file is loaded into it
        let reopened = try OutcomesDatabase(path: older.db)
        #expect(try load(reopened, ["E1", "E2"], sha: "2").loaded == 2)
        // Then it keeps its page size (WAL cannot change it) and holds the rows
        #expect(try pageSize(reopened) == 4096)
        #expect(try reopened.tableCounts()["episode"] == 2)
    }
}
