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

    @OptionGroup var period: PeriodOptions

    @Option(help: ArgumentHelp("The PDF to write.", valueName: "file.pdf"))
    var out: String

    @Option(name: .customLong("svg-dir"), help: ArgumentHelp("Also write every chart of the report as SVG here.", valueName: "dir"))
    var svgDir: String?

    @Option(help: ArgumentHelp(
        "Read a named report from DIR/<name>.yaml instead of the definitions built into the executable.",
        valueName: "dir"))
    var definitions: String?

    @Option(name: .customLong("program-name"), help: "The program's name in headers and on the cover.")
    var programName = "Sample IOP network"

    @Flag(help: "A4 paper instead of US Letter.")
    var a4 = false

    @OptionGroup var analysisSettings: AnalysisSettingsOptions

    @OptionGroup var instrumentsOption: InstrumentsOption

    func validate() throws {
        _ = try period.resolved()
    }

    func run() throws {
        let paths = try ReportRun(command: self).write()
        for path in paths { print(path) }
    }

}
