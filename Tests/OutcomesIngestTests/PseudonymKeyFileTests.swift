import Foundation
import Testing
@testable import OutcomesIngest

@Suite("Key file")
struct PseudonymKeyFileTests {
    /// A fresh folder for one key file, removed at the end.
    final class KeyFolder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString)")
        var key: String { url.appendingPathComponent("p.sqlite.key").path }
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func mode() throws -> Int? { try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int }
        func bytes() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: key))) }
        func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
    }

    @Test func createdOnceOwnerOnlyThenKept() throws {
        let folder = try KeyFolder()
        #expect(try PseudonymKeyFile.prepare(path: folder.key, holdsPseudonyms: false) == .created)
        let first = try PseudonymKeyFile.load(path: folder.key)
        #expect(try PseudonymKeyFile.prepare(path: folder.key, holdsPseudonyms: true) == .kept)
        #expect(first.count == 32)
        #expect(try PseudonymKeyFile.load(path: folder.key) == first)
        #expect(try folder.mode() == 0o600)
        #expect(try folder.names() == ["p.sqlite.key"], "no temporary file is left behind")
    }

    @Test func wrongSizeOrMissingIsAnErrorNamingTheFile() throws {
        let path = try TestFiles.write("short", suffix: ".key")
        #expect(throws: IngestFileError(file: "db.key", message:
            "the pseudonymisation key must hold exactly 32 bytes; this one holds 5")) {
            try PseudonymKeyFile.load(path: path, displayName: "db.key")
        }
        #expect(throws: IngestFileError(file: "gone.key", message: "the pseudonymisation key is missing")) {
            try PseudonymKeyFile.load(path: path + ".gone", displayName: "gone.key")
        }
    }

    @Test("Issue 9.8: an empty key left by a killed init is replaced while no record used it")
    func emptyKeyIsRepairedWithoutPseudonyms() throws {
        // Given the 0-byte key an init killed between creating and writing the key left behind
        let folder = try KeyFolder()
        _ = FileManager.default.createFile(atPath: folder.key, contents: Data())
        #expect(throws: IngestFileError.self) { try PseudonymKeyFile.load(path: folder.key) }
        // When init prepares the key for a database without episodes or events
        let outcome = try PseudonymKeyFile.prepare(path: folder.key, holdsPseudonyms: false)
        // Then a whole new key replaced it, owner-only, and nothing else is left in the folder
        #expect(outcome == .replaced(problem: "the pseudonymisation key is empty (0 bytes; was `init` interrupted?)"))
        #expect(try folder.bytes().count == 32)
        #expect(try PseudonymKeyFile.load(path: folder.key) == folder.bytes())
        #expect(try folder.mode() == 0o600)
        #expect(try folder.names() == ["p.sqlite.key"])
    }

    @Test("Issue 9.8: an unusable key guarding stored pseudonyms is refused and left as it was")
    func emptyKeyIsRefusedWithPseudonyms() throws {
        // Given an empty key, and a missing one, beside a database that holds pseudonymised records
        let folder = try KeyFolder()
        _ = FileManager.default.createFile(atPath: folder.key, contents: Data())
        let missing = folder.url.appendingPathComponent("other.key").path
        // When init prepares them, then it refuses, naming the file, and writes nothing
        for path in [folder.key, missing] {
            let error = #expect(throws: IngestFileError.self) {
                try PseudonymKeyFile.prepare(path: path, displayName: "p.sqlite.key", holdsPseudonyms: true)
            }
            #expect(error?.file == "p.sqlite.key")
            #expect(error?.message.contains("already holds pseudonymised records") == true)
        }
        #expect(try folder.bytes().isEmpty)
        #expect(try folder.names() == ["p.sqlite.key"])
    }
}
