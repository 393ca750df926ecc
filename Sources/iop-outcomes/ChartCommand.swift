import ArgumentParser
import CairoRender
import Charts
import Foundation
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline
import OutcomesReports

/// `iop-outcomes chart`: one chart of the kinds reports draw, to SVG, PDF or PNG.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw one chart to SVG, PDF or PNG (the format follows the --out extension).",
        discussion: "Kinds: \(ReportChartKind.allCases.map(\.rawValue).joined(separator: ", ")). `chart --list` describes them.")

    @Argument(help: ArgumentHelp("The chart kind.", valueName: "kind"))
    var kind: ReportChartKind?

    @Flag(help: "List the chart kinds and what each needs.")
    var list = false

    @Option(name: .long, help: ArgumentHelp("The program database (SQLite).", valueName: "path"))
    var db: String?

    @OptionGroup var period: PeriodOptions

    @Option(help: ArgumentHelp("Metric identifier, for trend, spc and funnel charts.", valueName: "id"))
    var metric: String?

    @Option(help: ArgumentHelp("Instrument code, for outcome charts (default PHQ-9).", valueName: "code"))
    var instrument: String?

    @Option(help: ArgumentHelp("Cohort dimension, for change_by_cohort, retention and funnel charts.", valueName: "dim"))
    var by: String?

    @Option(help: ArgumentHelp("A target line, for trend charts.", valueName: "value"))
    var target: Double?

    @Option(help: ArgumentHelp("Months in trend and SPC charts.", valueName: "N"))
    var months = 12

    @Flag(help: "Apply the small-cell rules of external reports (counts of 1 to 10 as <11).")
    var external = false

    @Option(help: ArgumentHelp("The file to write: .svg, .pdf or .png.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Pixel scale of PNG output (2 for slides).", valueName: "scale"))
    var scale = 1.0

    @OptionGroup var instrumentsOption: InstrumentsOption

    func validate() throws {
        if list { return }
        guard kind != nil else { throw ValidationError("give a chart kind, or --list") }
        guard db != nil else { throw ValidationError("missing --db") }
        _ = try period.resolved()
        guard let out else { throw ValidationError("missing --out FILE.svg|pdf|png") }
        guard RenderFormat(fileExtension: (out as NSString).pathExtension) != nil else {
            throw ValidationError("--out must end in .svg, .pdf or .png, not '\(out)'")
        }
        if let by, CohortDimension(rawValue: by) == nil {
            throw ValidationError("unknown cohort dimension '\(by)'; expected: \(CohortDimension.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if [.trend, .spc, .funnel].contains(kind), metric == nil { throw ValidationError("a \(kind?.rawValue ?? "") chart needs --metric") }
        guard (2...60).contains(months) else { throw ValidationError("--months takes 2 to 60") }
    }

    func run() throws {
        guard !list else {
            print(ChartKindList.text)
            return
        }
        guard let kind, let db, let out, let format = RenderFormat(fileExtension: (out as NSString).pathExtension, scale: scale) else { return }
        let registry = try instrumentsOption.registry()
        if let metric, !ReportDefinition.Vocabulary.analysis(registry).isKnownMetric(metric) {
            throw CommandFailure("unknown metric '\(metric)'; `iop-outcomes analyze` lists the identifiers")
        }
        let definition = ReportCharts.definition(
            kind: kind, metric: metric, instrument: instrument ?? (kind.needsInstrument ? "PHQ-9" : nil), by: by,
            target: target, audience: external ? .external : .internal, trendMonths: months)
        let resolved = try period.resolved()
        let plan = ReportPlan(definition, range: resolved)
        let inputs = try ReportInputsLoader(db: try DatabaseOption.parse(["--db", db]).open(), registry: registry,
                                            options: AnalysisOptions(period: plan.period))
            .load(plan, programName: "", command: "iop-outcomes chart \(kind.rawValue)", generatedOn: plan.period.to)
        switch ReportCharts.chart(of: definition, inputs: inputs) {
        case .empty(let reason):
            throw CommandFailure(reason)
        case .chart(let spec, _, let explanation):
            let scene = Chart.build(spec, measurer: try PangoTextMeasurer())
            try CairoRenderer(metadata: PDFMetadata(title: spec.title)).write(scene, as: format, to: URL(fileURLWithPath: out))
            print(out)
            if let explanation { print(explanation) }
        }
    }
}

extension ReportChartKind: ExpressibleByArgument {
    /// Outcome charts are drawn for one instrument.
    var needsInstrument: Bool { [.severityBands, .changeByCohort, .severityShift, .trajectories].contains(self) }
}

/// `chart --list`.
enum ChartKindList {
    static let text = """
        trend              a metric month by month, with an optional target        --metric [--target] [--months]
        spc                control chart (p-chart for rates, I-chart for means) with signals explained   --metric [--months]
        discharge_reasons  discharges of the period by reason (bar)
        session_mix        scheduled sessions by type and modality (stacked bar)
        severity_bands     baseline and final severity bands (stacked bar)        [--instrument]
        change_by_cohort   mean change with 95% CI per cohort (dot and interval)   [--instrument] [--by]
        severity_shift     baseline band x final band (heat table)                 [--instrument]
        retention          Kaplan-Meier retention per track with censor ticks and risk table   [--by]
        goal_attainment    distribution of attained goal levels (-2..+2)
        funnel             a rate per cohort against its n, with 95% and 99.8% limits   --metric [--by]
        trajectories       individual score trajectories with the cohort mean (internal only)   [--instrument]
        """
}
