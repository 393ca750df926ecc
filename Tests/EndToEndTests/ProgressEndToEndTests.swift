import Foundation
import Testing

/// The progress bar: drawn on a terminal, absent when standard error is a pipe or a file.
@Suite("progress bar, end to end", .serialized)
struct ProgressEndToEndTests {
    let sample = Executable.packageRoot.appendingPathComponent("SampleData").path

    /// Runs the executable under `script`, which gives it a terminal; returns what the terminal showed.
    func onATerminal(_ arguments: [String]) throws -> String {
        let command = ([Executable.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["--quiet", "--return", "--command", command, "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test("Issue 9.11: a load draws a progress bar on a terminal and nothing otherwise")
    func aBarOnATerminalOnly() throws {
        let folder = try TemporaryFolder()
        let (piped, shown) = (folder.path("piped.sqlite"), folder.path("shown.sqlite"))
        for db in [piped, shown] { try Executable.run(["init", "--db", db]) }
        // When stderr is a pipe: not a byte on it
        let result = try Executable.run(["ingest", "--db", piped, "--today", "2026-11-01", sample])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        // When it is a terminal: the first batch of each file draws its bar in place (\r), with the
        // share of the file, the rate and the time left, then the line is erased
        let terminal = try onATerminal(["ingest", "--db", shown, "--today", "2026-11-01", sample])
        #expect(terminal.contains("\r\u{1B}[K" + sample + "/sessions.csv  ["), "\(terminal.debugDescription)")
        #expect(terminal.contains("rows/s"))
        #expect(terminal.contains(" left"))
    }
}
