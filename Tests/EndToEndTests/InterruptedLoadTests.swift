import Foundation
import Testing

/// A load killed mid-way (SIGKILL) leaves the database as it was, and a re-run completes.
@Suite("interrupted loads", .serialized)
struct InterruptedLoadTests {
    /// A dry run of the sessions file against the database: it reports every stored row as a
    /// duplicate and a logged file as already loaded, so it shows what the database holds.
    func dryRunOfSessions(_ db: String) throws -> String {
        try Executable.run(["validate", "--db", db, "--format", "json", "--today", "2026-11-01"] + [db + ".data/sessions.csv"]).stdout
    }

    /// Killed in WAL mode, and with `--exclusive` (a rollback journal, left beside the file as
    /// `-journal`, which the next command that writes, here `loads`, rolls back).
    @Test(arguments: [[String](), ["--exclusive"]])
    func aKilledLoadChangesNothingAndARerunCompletes(mode: [String]) throws {
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        let data = db + ".data"
        // Given a program large enough that loading its sessions takes a while, with episodes loaded
        try Executable.run(["sample-data", "--episodes", "3000", "--seed", "11", "--out", data])
        try Executable.run(["init", "--db", db])
        let episodes = try Executable.run(["ingest", "--db", db, "--today", "2026-11-01", data + "/episodes.csv"])
        #expect(episodes.status == 0, "\(episodes.stderr)")
        let before = try dryRunOfSessions(db)
        #expect(before.contains("\"duplicates\": 0"))

        // When the sessions load is killed part-way
        let process = try Executable.start(["ingest", "--db", db, "--today", "2026-11-01"] + mode
                                           + [data + "/sessions.csv"])
        Thread.sleep(forTimeInterval: 0.4)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(process.terminationReason == .uncaughtSignal, "the load finished before it could be killed; use more data")

        // Then, once the next command that opens it for writing has undone the stopped write, no
        // session was stored (a dry run still sees every row as new) and no load was logged
        #expect(try Executable.run(["loads", "--db", db]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: db + "-journal"))
        let after = try dryRunOfSessions(db)
        #expect(after == before)

        // And a re-run loads everything
        let rerun = try Executable.run(["ingest", "--db", db, "--format", "json", "--today", "2026-11-01"] + mode
                                       + [data + "/sessions.csv"])
        #expect(rerun.status == 0)
        #expect(rerun.stdout.contains("\"rejected\": 0"))
        #expect(!rerun.stdout.contains("\"already_loaded\": true"))
        #expect(try dryRunOfSessions(db).contains("\"already_loaded\": true"))
    }
}
