import Foundation

/// A database in a new temporary folder with the sample program loaded (as of 2026-11-01).
enum SampleDatabase {
    /// The path of a freshly loaded database; `name` prefixes its folder.
    static func loaded(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iop-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("p.sqlite").path
        _ = try? Executable.run(["init", "--db", db])
        _ = try? Executable.run(["ingest", "--db", db, "--today", "2026-11-01", "SampleData"])
        return db
    }
}
