import Foundation
import Testing

/// `init` after an `init` killed between creating the key file and writing the key.
@Suite("init repairs an unusable key, end to end", .serialized)
struct KeyRepairEndToEndTests {
    let episodes = Executable.packageRoot.appendingPathComponent("SampleData/episodes.csv").path

    func keySize(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
    }

    @Test("Issue 9.8: an empty key on a database without patients is repaired by init")
    func emptyKeyIsRepaired() throws {
        // Given a database whose key a killed init left empty
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        #expect(try Executable.run(["init", "--db", db]).status == 0)
        #expect(FileManager.default.createFile(atPath: db + ".key", contents: Data()))
        // Then every command that needs the key says what is wrong and how to repair it
        let refused = try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", episodes])
        #expect(refused.status == 1)
        let expected = "\(db).key: the pseudonymisation key is empty (0 bytes; was `init` interrupted?); "
            + "`iop-outcomes init --db \(db)` replaces it"
        #expect(refused.stderr.contains(expected), "\(refused.stderr)")
        // When init runs again, then it writes a whole new key, owner-only
        let repaired = try Executable.run(["init", "--db", db])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stdout.contains("replaced with a new key"))
        #expect(try keySize(db + ".key") == 32)
        let mode = try FileManager.default.attributesOfItem(atPath: db + ".key")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // And the load goes through
        #expect(try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", episodes]).status == 0)
    }

    @Test("Issue 9.8: an empty key on a database with patients is refused, and nothing changes")
    func emptyKeyWithPatientsIsRefused() throws {
        // Given a database holding pseudonymised episodes whose key was emptied
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        #expect(try Executable.run(["init", "--db", db]).status == 0)
        #expect(try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", episodes]).status == 0)
        #expect(FileManager.default.createFile(atPath: db + ".key", contents: Data()))
        // When init runs, then it refuses with the reason and leaves the key as it was
        let result = try Executable.run(["init", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(db).key: the pseudonymisation key is empty"), "\(result.stderr)")
        #expect(result.stderr.contains("already holds pseudonymised records"), "\(result.stderr)")
        #expect(result.stderr.contains("Restore the key from a backup"))
        #expect(try keySize(db + ".key") == 0)
        // And a deleted key is not silently recreated either
        try FileManager.default.removeItem(atPath: db + ".key")
        #expect(try Executable.run(["init", "--db", db]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: db + ".key"))
    }
}
