import Foundation

/// The folder of this test process's files, removed when the process exits: a suite's database
/// is made once and read by every test of the suite, so no test can remove it.
let scratchFolder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("iop-e2e-tests-\(UUID().uuidString)")
    atexit { try? FileManager.default.removeItem(at: scratchFolder) }
    return url
}()

/// A database in a new folder of `scratchFolder` with the sample program loaded (as of 2026-11-01).
enum SampleDatabase {
    /// The path of a freshly loaded database; `name` prefixes its folder.
    static func loaded(_ name: String) -> String {
        let folder = scratchFolder.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("p.sqlite").path
        _ = try? Executable.run(["init", "--db", db])
        _ = try? Executable.run(["ingest", "--db", db, "--today", "2026-11-01", "SampleData"])
        return db
    }
}
