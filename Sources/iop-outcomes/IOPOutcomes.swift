import ArgumentParser
import CairoRender
import Foundation
import OutcomesCore

/// The `iop-outcomes` command: ingest EHR exports, compute outcomes, draw reports.
@main
struct IOPOutcomes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iop-outcomes",
        abstract: "Outcomes analytics and reporting for intensive outpatient programs.",
        version: SoftwareVersion.current,
        subcommands: [InitCommand.self, IngestCommand.self, ValidateCommand.self, AnalyzeCommand.self, ExplainCommand.self,
                      ReportCommand.self, ChartCommand.self, SPCCommand.self, LookupCommand.self, LoadsCommand.self,
                      ReferenceCommand.self, SampleDataCommand.self, DemoCommand.self])

    /// The commands that draw text: their fonts load while their arguments and data are read.
    static let drawingCommands: Set<String> = ["report", "chart", "spc", "demo"]

    /// Runs the command with the exit codes of SPEC section 8: 0 success, 1 bad input or a
    /// failed operation, 2 usage errors.
    static func main() {
        let commandName = CommandLine.arguments.dropFirst().first
        LargeAllocations.configure(forCommand: commandName)
        if let commandName, drawingCommands.contains(commandName) {
            FontWarmUp.startInBackground()
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            if code == .success { Foundation.exit(0) }
            Foundation.exit(code == .validationFailure ? 2 : (code.rawValue == 2 ? 2 : 1))
        }
    }
}

/// A failure the user can act on: printed as the message alone, exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
