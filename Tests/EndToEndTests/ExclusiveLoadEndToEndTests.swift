import Foundation
import GRDB
import Testing

/// `ingest --exclusive`: the same database as a load in WAL mode, left in WAL mode; when another
/// connection is reading, the files load as usual, with a note.
@Suite("ingest --exclusive, end to end", .serialized)
struct ExclusiveLoadEndToEndTests {
    static let sample = Executable.packageRoot.appendingPathComponent("SampleData").path

    func journalMode(_ db: String) throws -> String? {
        try DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    }

    @Test func anExclusiveLoadStoresWhatAUsualLoadStoresAndLeavesWALMode() throws {
        let folder = try TemporaryFolder()
        var analyses: [String] = []
        for (name, mode) in [("usual", [String]()), ("exclusive", ["--exclusive"])] {
            let db = folder.path("\(name).sqlite")
            try Executable.run(["init", "--db", db])
            let load = try Executable.run(["ingest", "--db", db, "--today", "2026-11-01"] + mode + [Self.sample])
            #expect(load.status == 0 && load.stderr.isEmpty, "\(name): \(load.stderr)")
            #expect(try journalMode(db) == "wal", "\(name)")
            #expect(!FileManager.default.fileExists(atPath: db + "-journal"), "\(name)")
            #expect(try DatabaseInvariants.violations(at: db) == [], "\(name)")
            analyses.append(try Executable.run(["analyze", "--db", db, "--period", "2026-10", "--by", "program",
                                                "--format", "json"]).stdout)
        }
        #expect(analyses[0] == analyses[1] && !analyses[0].isEmpty)
    }

    @Test func whileAnotherConnectionReadsTheFilesLoadAsUsualWithANote() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        let reader = try DatabaseQueue(path: db)
        let load = try reader.read { connection in
            _ = try Int.fetchOne(connection, sql: "SELECT count(*) FROM load_log")  // a read transaction held open
            return try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", "--exclusive",
                                       Self.sample + "/episodes.csv"])
        }
        #expect(load.status == 0)
        #expect(load.stderr.contains("note: another process is reading \(db), so the files were loaded without "
                                     + "--exclusive (readers were not locked out)"))
        #expect(try journalMode(db) == "wal")
        #expect(try reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM episode") } == 300)
    }

    @Test func aCommandArrivingDuringAnExclusiveTransactionWaitsForItAndReadsWhatItCommitted() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", Self.sample])
        let analyze = ["analyze", "--db", db, "--period", "2026-10", "--by", "program", "--format", "json"]
        let before = try Executable.run(analyze)
        #expect(before.status == 0 && !before.stdout.isEmpty)

        // The test takes the part of an exclusive load in the middle of a file: the rollback
        // journal, and a write transaction holding the exclusive lock, which readers cannot pass.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true  // the transaction stays open between accesses
        let load = try DatabaseQueue(path: db, configuration: configuration)
        try load.writeWithoutTransaction { connection in
            try connection.execute(sql: "PRAGMA journal_mode = TRUNCATE")
            try connection.execute(sql: "BEGIN EXCLUSIVE")
            try connection.execute(sql: "UPDATE load_log SET software_version = software_version")
        }
        nonisolated(unsafe) var during: Executable.Result?
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            during = try? Executable.run(analyze)
            finished.signal()
        }
        // Still waiting 1.5 s on: the lock is not an error while the load may yet finish ...
        #expect(finished.wait(timeout: .now() + 1.5) == .timedOut)
        try load.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
        try load.close()
        // ... and once the transaction ends, it reads the database and gives the same figures.
        #expect(finished.wait(timeout: .now() + 60) == .success)
        #expect(during?.status == 0, "\(during?.stderr ?? "")")
        #expect(during?.stdout == before.stdout)
        #expect(try journalMode(db) == "wal")
    }
}
