import Foundation
import Testing

/// Output files are written to a temporary name and renamed into place, and those holding
/// identifiers or episode-level data are owner-only whatever the umask (SPEC section 6).
@Suite("output files, end to end", .serialized)
struct OutputFileEndToEndTests {
    static let database = AnalyzeEndToEndTests.database
    static let dirty = Executable.packageRoot.appendingPathComponent("SampleData/dirty").path

    /// The permission bits of `path`.
    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// The names in `folder` a user sees (no hidden temporary files).
    func visibleNames(_ folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("Issue 8.6: under umask 022, identifying outputs are 0600 and the others 0644, with no temporary left")
    func modesUnderUmask022() throws {
        // Given a umask of 022, inherited by every child process
        let previous = umask(0o022)
        defer { umask(previous) }
        let folder = try TemporaryFolder()
        let db = folder.path("p.sqlite")
        try Executable.run(["init", "--db", db])
        let period = ["--db", Self.database, "--period", "2026-10"]

        // When the tool writes a rejects file, an internal and an external report, and two charts
        let ingest = try Executable.run(["ingest", "--db", db, "--today", "2026-11-01",
                                         "--rejects", folder.path("rejects.csv"), Self.dirty])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let monthly = try Executable.run(["report", "monthly"] + period + ["--out", folder.path("monthly.pdf")])
        #expect(monthly.status == 0, "\(monthly.stderr)")
        let packet = try Executable.run(["report", "accreditation"] + period + ["--out", folder.path("packet.pdf")])
        #expect(packet.status == 0, "\(packet.stderr)")
        let spaghetti = try Executable.run(["chart", "trajectories"] + period
                                           + ["--out", folder.path("trajectories.svg")])
        #expect(spaghetti.status == 0, "\(spaghetti.stderr)")
        let bars = try Executable.run(["chart", "discharge_reasons"] + period + ["--out", folder.path("reasons.svg")])
        #expect(bars.status == 0, "\(bars.stderr)")

        // Then the files holding identifiers or episodes are owner-only; the rest follow the umask
        #expect(try mode(folder.path("rejects.csv")) == 0o600)
        #expect(try mode(folder.path("monthly.pdf")) == 0o600)
        #expect(try mode(folder.path("trajectories.svg")) == 0o600)
        #expect(try mode(folder.path("packet.pdf")) == 0o644)
        #expect(try mode(folder.path("reasons.svg")) == 0o644)
        // And no temporary file is left beside them
        let all = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(!all.contains { $0.hasSuffix(".partial") }, "\(all)")
    }

    @Test("Issue 8.6: a report killed while writing leaves the previous file intact")
    func aKilledReportKeepsThePreviousFile() throws {
        // Given a report written once
        let folder = try TemporaryFolder()
        let out = folder.path("packet.pdf")
        let arguments = ["report", "accreditation", "--db", Self.database, "--period", "2026-10", "--out", out]
        let first = try Executable.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let original = try Data(contentsOf: URL(fileURLWithPath: out))

        // When a second run is sent SIGKILL as soon as its temporary file appears (retried when the
        // run renames before the signal lands)
        var killedWhileWriting = false
        for _ in 0..<8 where !killedWhileWriting {
            let process = try Executable.start(arguments)
            let temporary = folder.path(".packet.pdf.\(process.processIdentifier).partial")
            while process.isRunning {
                if FileManager.default.fileExists(atPath: temporary) {
                    kill(process.processIdentifier, SIGKILL)
                    break
                }
            }
            process.waitUntilExit()
            killedWhileWriting = process.terminationReason == .uncaughtSignal

            // Then the output name still holds the first run's bytes, and no other file is visible
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == original)
            #expect(try visibleNames(folder) == ["packet.pdf"])
        }
        #expect(killedWhileWriting, "every run renamed its file before the signal landed")
    }
}
