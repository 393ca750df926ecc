import ArgumentParser
import CairoRender
import Foundation
import OutcomesAnalysis
import OutcomesCore
import OutcomesReports

/// `iop-outcomes report`: the monthly program report, the QI review, the accreditation packet,
/// or any definition file, as a PDF (and the charts as SVG on request).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report as PDF: monthly, qi-review, accreditation or a definition FILE.yaml.")

    @Argument(help: ArgumentHelp("monthly, qi-review, accreditation, or the path of a report definition.", valueName: "report"))
    var report: String

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("The reporting month (its last month for 12-month reports).", valueName: "YYYY-MM"))
    var period: String?

    @Option(help: ArgumentHelp("First day of a custom period (with --to).", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of a custom period (with --from).", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: ArgumentHelp("The PDF to write.", valueName: "file.pdf"))
    var out: String

    @Option(name: .customLong("svg-dir"), help: ArgumentHelp("Also write every chart of the report as SVG here.", valueName: "dir"))
    var svgDir: String?

    @Option(help: ArgumentHelp("Folder of the named report definitions.", valueName: "dir"))
    var definitions = "Reports"

    @Option(name: .customLong("program-name"), help: "The program's name in headers and on the cover.")
    var programName = "Sample IOP network"

    @Flag(help: "A4 paper instead of US Letter.")
    var a4 = false

    @OptionGroup var instrumentsOption: ReportInstrumentsOption

    func validate() throws {
        if period == nil, from == nil || to == nil { throw ValidationError("give --period YYYY-MM, or --from and --to") }
        if period != nil, from != nil || to != nil { throw ValidationError("give --period or --from/--to, not both") }
        if let period, Period.month(period) == nil { throw ValidationError("--period must be YYYY-MM, got '\(period)'") }
        for date in [from, to].compactMap({ $0 }) where Day(iso: date) == nil {
            throw ValidationError("dates must be YYYY-MM-DD, got '\(date)'")
        }
    }

    func run() throws {
        let paths = try ReportRun(command: self).write()
        for path in paths { print(path) }
    }

    /// The range of --from/--to, if given.
    var range: Period? {
        guard let from = from.flatMap({ Day(iso: $0) }), let to = to.flatMap({ Day(iso: $0) }) else { return nil }
        return Period(from: from, to: to)
    }
}
