import ArgumentParser
import Foundation
import OutcomesCore
import OutcomesSampleData
import OutcomesStore

/// `iop-outcomes demo`: a new user's first command. Builds the sample program's data, loads it
/// into a fresh database and writes every output into one folder.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate the sample program, load it into a fresh database and write every output.")

    @Option(help: ArgumentHelp("Output folder (created if needed; its demo database is replaced).", valueName: "dir"))
    var out = "out"

    static let sampleEnd = "2026-10-31"

    func run() throws {
        let fileManager = FileManager.default
        let data = (out as NSString).appendingPathComponent("data")
        let dbPath = (out as NSString).appendingPathComponent("program.sqlite")
        try fileManager.createDirectory(atPath: data, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm", ".key"] where fileManager.fileExists(atPath: dbPath + suffix) {
            try fileManager.removeItem(atPath: dbPath + suffix)
        }

        print("1. Generating the sample program (300 episodes, 12 months ending \(Self.sampleEnd)) in \(data)")
        guard let end = Day(iso: Self.sampleEnd) else { return }
        try SampleProgram(episodes: 300, seed: 2026, endDate: end).writeCanonical(to: data)

        print("2. Creating \(dbPath) and its pseudonymisation key")
        let initCommand = try InitCommand.parse(["--db", dbPath])
        try initCommand.run()

        print("3. Loading the CSV files")
        let ingest = try IngestCommand.parse(["--db", dbPath, "--today", end.adding(days: 1).description, data])
        try ingest.run()

        let counts = try OutcomesDatabase(path: dbPath).tableCounts()
        print("\nDatabase \(dbPath): \(counts["episode"] ?? 0) episodes, \(counts["session"] ?? 0) sessions, "
              + "\(counts["assessment"] ?? 0) assessments, \(counts["goal"] ?? 0) goals, \(counts["clinical_event"] ?? 0) events.")

        print("\n4. Writing the reports for October 2026 and their charts")
        let charts = (out as NSString).appendingPathComponent("charts")
        for name in ["monthly", "qi-review", "accreditation"] {
            let pdf = (out as NSString).appendingPathComponent("\(name).pdf")
            let report = try ReportCommand.parse([name, "--db", dbPath, "--period", "2026-10", "--out", pdf, "--svg-dir", charts])
            let paths = try ReportRun(command: report).write()
            print("   \(pdf)  (\(paths.count - 1) charts in \(charts))")
        }
    }
}
