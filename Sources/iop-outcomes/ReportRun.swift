import CairoRender
import Foundation
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline
import OutcomesReports

/// One report run: definition -> plan -> inputs -> document -> PDF (and SVGs).
struct ReportRun {
    let command: ReportCommand

    /// Writes the PDF (and SVGs); returns every path written.
    func write() throws -> [String] {
        let registry = try command.instrumentsOption.registry()
        var definition: ReportDefinition
        do {
            definition = try ReportDefinition.resolve(command.report, folder: command.definitions,
                                                      vocabulary: .analysis(registry))
        } catch let error as ReportDefinitionError {
            throw CommandFailure(error.description)
        }
        definition = definition.replacingTargets(try command.analysisSettings.targets(.analysis(registry)))
        let plan = try command.period.plan(for: definition)
        let progress = ProgressLine()
        progress.show("\(definition.title): reading and analysing \(plan.period)")
        defer { progress.clear() }
        let options = try command.analysisSettings.options(period: plan.period)
        let inputs = try ReportInputsLoader(db: try command.database.open(), registry: registry, options: options)
            .load(plan, programName: command.programName, command: commandLine(definition), generatedOn: generatedOn(plan))
        if inputs.current.nothingRecordedInPeriod {
            progress.clear()
            FileHandle.standardError.write(Data(inputs.current.emptyPeriodNote.utf8))
        }
        progress.show("\(definition.title): laying out pages")
        let document = ReportBuilder(definition: definition, inputs: inputs, measurer: try PangoTextMeasurer(),
                                     setup: command.a4 ? .a4 : .letter).build()
        let metadata = PDFMetadata(title: "\(definition.title), \(command.programName)", subject: plan.period.description,
                                   date: PDFMetadata.reproducibleDate())
        let drawing = ProgressLine()
        let data = try ReportPrinter.pdf(document, metadata: metadata) { drawn in
            drawing.update("\(definition.title): drawing pages", done: drawn, total: document.pages.count,
                           count: drawn, unit: "pages")
        }
        let directory = (command.out as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let access: AtomicFile.Access = definition.audience == .internal ? .ownerOnly : .standard
        try AtomicFile.write(data, to: command.out, access: access)
        var paths = [command.out]
        if let svgDir = command.svgDir {
            let stem = ((command.out as NSString).lastPathComponent as NSString).deletingPathExtension
            paths += try ReportPrinter.svgs(document, stem: stem, to: svgDir, access: access)
        }
        return paths
    }

    /// `SOURCE_DATE_EPOCH` when set, else the last day of the period: never the clock.
    func generatedOn(_ plan: ReportPlan) -> Day {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(text) {
            return Day.today(secondsSince1970: seconds)
        }
        return plan.period.to
    }

    /// The command as the provenance appendix prints it: file names only, no machine paths.
    func commandLine(_ definition: ReportDefinition) -> String {
        let name = (command.report as NSString).lastPathComponent
        let period = command.period.arguments
        return "iop-outcomes report \(name) --db \((command.database.db as NSString).lastPathComponent) \(period)"
            + " --out \((command.out as NSString).lastPathComponent)" + (command.a4 ? " --a4" : "")
            + (command.analysisSettings.reliableChange == .published ? "" : " --reliable-change \(command.analysisSettings.reliableChange.rawValue)")
            + (command.analysisSettings.settings.map { " --settings \(($0 as NSString).lastPathComponent)" } ?? "")
    }
}
