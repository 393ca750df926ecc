import Foundation
import OutcomesCore
import Testing

@Suite("AtomicFile", .serialized)
struct AtomicFileTests {
    /// A fresh folder and the output path inside it.
    func output() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iop-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, folder.appendingPathComponent("out.csv").path)
    }

    @Test("Issue 8.6: the previous file stays until commit; an abandoned write leaves nothing")
    func previousFileStaysUntilCommit() throws {
        // Given a file written once
        let (folder, path) = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        try AtomicFile.write(Array("old\n".utf8), to: path, access: .standard)

        // When a second write is under way, and when one is abandoned
        do {
            let file = try AtomicFile(path: path, access: .standard)
            try file.write(Array("new, half".utf8))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        }

        // Then the file still holds the old bytes and no temporary file is left
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    @Test("Issue 8.6: under umask 022 an owner-only file is 0600 and a standard one 0644")
    func modesUnderUmask022() throws {
        let (folder, path) = try output()
        defer { try? FileManager.default.removeItem(at: folder) }
        let previous = umask(0o022)
        defer { umask(previous) }
        let other = folder.appendingPathComponent("other.csv").path

        try AtomicFile.write(Array("a".utf8), to: path, access: .ownerOnly)
        try AtomicFile.write(Array("b".utf8), to: other, access: .standard)

        let modes = try [path, other].map {
            (try FileManager.default.attributesOfItem(atPath: $0)[.posixPermissions] as? NSNumber)?.intValue
        }
        #expect(modes == [0o600, 0o644])
    }
}
