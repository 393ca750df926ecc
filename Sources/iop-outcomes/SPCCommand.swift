import ArgumentParser
import CairoRender
import Charts
import Foundation
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline
import OutcomesReports

/// `iop-outcomes spc`: a run or control chart of any series, drawn or as data.
struct SPCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spc",
        abstract: "Chart a series from a CSV file as a run or control chart, or give its limits and signals as data.",
        discussion: """
            The CSV has a header row, then one period per row: a label, a value (the numerator of a p \
            chart, the count of a u or c chart) and, for p and u charts, a denominator (cases, or \
            exposure such as patient-days). An empty cell is a gap. Point numbers count from 1.
            Charts: run (median, Anhøj rules), p, u, c, i (individuals; sigma = screened mean moving \
            range / 1.128), mr (moving ranges).
            Example: iop-outcomes spc --input falls.csv --chart u --multiply 1000 --part 12 --out falls.svg
            """)

    @Option(help: ArgumentHelp("The series CSV: label, value or numerator[, denominator].", valueName: "file"))
    var input: String

    @Option(help: ArgumentHelp("The chart: run, p, u, c, i or mr.", valueName: "kind"))
    var chart: ControlChart.Kind

    @Option(help: ArgumentHelp("Multiply p and u values, e.g. 100 for percent, 1000 per 1,000 patient-days.",
                               valueName: "K"))
    var multiply: Double?

    @Option(help: ArgumentHelp("Freeze the centre and limits on the first N points.", valueName: "N"))
    var freeze: Int?

    @Option(help: ArgumentHelp("Start a new phase after each of these points (own centre and limits).",
                               valueName: "N,..."), transform: SPCCommand.pointList)
    var part: [Int] = []

    @Option(help: ArgumentHelp("Leave these points out of the calculations (still drawn).", valueName: "N,..."),
            transform: SPCCommand.pointList)
    var exclude: [Int] = []

    @Option(help: ArgumentHelp("The file to draw: .svg, .pdf or .png.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Give the points, limits and signals as data instead: json or csv.",
                               valueName: "format"))
    var format: SPCDataFormat?

    @Option(help: ArgumentHelp("The chart's title (default: the file's name).", valueName: "text"))
    var title: String?

    func validate() throws {
        guard (out == nil) != (format == nil) else {
            throw ValidationError("give either --out FILE or --format json|csv")
        }
        if let out, RenderFormat(fileExtension: (out as NSString).pathExtension) == nil {
            throw ValidationError("--out must end in .svg, .pdf or .png, not '\(out)'")
        }
        if let multiply {
            guard [.p, .u].contains(chart) else { throw ValidationError("--multiply applies to p and u charts only") }
            guard multiply > 0, multiply.isFinite else { throw ValidationError("--multiply takes a number above 0") }
        }
        if let freeze, freeze < 1 { throw ValidationError("--freeze takes a number of points, 1 or more") }
        if let point = (part + exclude).first(where: { $0 < 1 }) {
            throw ValidationError("point numbers count from 1, not \(point)")
        }
    }

    func run() throws {
        let name = (input as NSString).lastPathComponent
        let series = try SeriesChart.build(
            path: input, displayName: input, kind: chart, multiplier: multiply ?? 1,
            freeze: freeze, phaseEnds: part, excluded: exclude)
        let control = series.control
        switch format {
        case .json: print(SPCJSON.encode(control), terminator: "")
        case .csv: print(SPCCSV.encode(control), terminator: "")
        case nil:
            guard let out, let render = RenderFormat(fileExtension: (out as NSString).pathExtension) else { return }
            let spec = SPCFigure.spec(control, title: title ?? name, subtitle: "\(chart.rawValue) chart · \(name)",
                                      valueTitle: series.valueName)
            let scene = Chart.build(spec, measurer: try PangoTextMeasurer())
            let data = try CairoRenderer(metadata: PDFMetadata(title: spec.title)).render(scene, as: render)
            try AtomicFile.write(data, to: out, access: .standard)
            print(out)
        }
    }

    /// "3,12" as [3, 12].
    static func pointList(_ text: String) throws -> [Int] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
            guard let number = Int(item.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("expected point numbers separated by commas, not '\(text)'")
            }
            return number
        }
    }
}

/// The data forms of `spc`.
enum SPCDataFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case csv
}

extension ControlChart.Kind: ExpressibleByArgument {}
