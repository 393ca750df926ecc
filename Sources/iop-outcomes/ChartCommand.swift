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
        discussion: """
            Kinds: \(ReportChartKind.allCases.map(\.rawValue).joined(separator: ", ")). `chart --list` describes them.
            `chart spc --metric ID --format json|csv` prints the control chart's points, limits and signals \
            instead of drawing it, as `iop-outcomes spc` does for a series file.
            """)

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

    @Option(help: ArgumentHelp("Months in trend and SPC charts (2 or more).", valueName: "N"))
    var months = 12

    @Flag(help: "Apply the small-cell rules of external reports (counts of 1 to 10 as <11).")
    var external = false

    @Option(help: ArgumentHelp("The file to write: .svg, .pdf or .png.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("spc only: print the points, limits and signals as json or csv instead of --out.",
                               valueName: "format"))
    var format: SPCDataFormat?

    @Option(help: ArgumentHelp("spc only: freeze the centre and limits on the months up to this one.",
                               valueName: "YYYY-MM"))
    var freeze: String?

    @Option(help: ArgumentHelp("spc only: start a new phase (own centre and limits) at each of these months.",
                               valueName: "YYYY-MM,..."))
    var part: String?

    @Option(help: ArgumentHelp("spc only: leave these months out of the calculations (still drawn).",
                               valueName: "YYYY-MM,..."))
    var exclude: String?

    @Option(help: ArgumentHelp("spc only: why the limits are frozen, split or computed without months.",
                               valueName: "text"))
    var note: String?

    @Option(help: ArgumentHelp("Pixel scale of PNG output (2 for slides).", valueName: "scale"))
    var scale = 1.0

    @OptionGroup var analysisSettings: AnalysisSettingsOptions

    @OptionGroup var instrumentsOption: InstrumentsOption

    func validate() throws {
        if list { return }
        guard kind != nil else { throw ValidationError("give a chart kind, or --list") }
        guard db != nil else { throw ValidationError("missing --db") }
        _ = try period.resolved()
        if format != nil {
            guard kind == .spc, out == nil else {
                throw ValidationError("--format json|csv is for `chart spc`, without --out")
            }
            guard !external else { throw ValidationError("--format gives exact values: it cannot be --external") }
        } else {
            guard let out else { throw ValidationError("missing --out FILE.svg|pdf|png") }
            guard RenderFormat(fileExtension: (out as NSString).pathExtension) != nil else {
                throw ValidationError("--out must end in .svg, .pdf or .png, not '\(out)'")
            }
        }
        guard months >= 2 else { throw ValidationError("--months takes 2 or more") }
        let adjusted = try adjustments()
        guard (adjusted.isEmpty && note == nil) || kind == .spc else {
            throw ValidationError("--freeze, --part, --exclude and --note are for `chart spc`")
        }
        if [.trend, .spc, .funnel].contains(kind), metric == nil {
            throw ValidationError("a \(kind?.rawValue ?? "") chart needs --metric")
        }
        if by == StaffFunnel.dimension {
            guard kind == .funnel, !external else {
                throw ValidationError("--by staff is for an internal funnel (not --external): it names clinicians")
            }
        } else if let by, CohortDimension(rawValue: by) == nil {
            throw ValidationError("unknown cohort dimension '\(by)'; expected: \(CohortDimension.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        guard !list else {
            print(ChartKindList.text)
            return
        }
        guard let kind, let db else { return }
        let registry = try instrumentsOption.registry()
        if let metric, !ReportDefinition.Vocabulary.analysis(registry).isKnownMetric(metric) {
            throw CommandFailure("unknown metric '\(metric)'; `iop-outcomes analyze` lists the identifiers")
        }
        let definition = ReportCharts.definition(
            kind: kind, metric: metric, instrument: instrument ?? (kind.needsInstrument ? "PHQ-9" : nil), by: by,
            target: target, audience: external ? .external : .internal, trendMonths: months,
            adjustments: try adjustments())
        let resolved = try period.resolved()
        let plan = ReportPlan(definition, range: resolved)
        let inputs = try ReportInputsLoader(db: try DatabaseOption.parse(["--db", db]).open(), registry: registry,
                                            options: try analysisSettings.options(period: plan.period))
            .load(plan, programName: "", command: "iop-outcomes chart \(kind.rawValue)", generatedOn: plan.period.to)
        if let format {
            guard let control = ReportCharts.controlChart(of: definition, inputs: inputs) else {
                throw CommandFailure("no monthly values of \(metric ?? "") to chart")
            }
            print(format == .json ? SPCJSON.encode(control) : SPCCSV.encode(control), terminator: "")
            return
        }
        guard let out, let render = RenderFormat(fileExtension: (out as NSString).pathExtension, scale: scale) else {
            return
        }
        switch ReportCharts.chart(of: definition, inputs: inputs) {
        case .empty(let reason):
            throw CommandFailure(reason)
        case .chart(let spec, _, let explanation):
            let scene = Chart.build(spec, measurer: try PangoTextMeasurer())
            let data = try CairoRenderer(metadata: PDFMetadata(title: spec.title)).render(scene, as: render)
            try AtomicFile.write(data, to: out, access: kind == .trajectories ? .ownerOnly : .standard)
            print(out)
            if let explanation { print(explanation) }
        }
    }
}

extension ChartCommand {
    /// `--freeze`, `--part`, `--exclude` and `--note` as the chart's adjustments.
    func adjustments() throws -> SPCAdjustments {
        func month(_ text: Substring, _ option: String) throws -> Period {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard trimmed.count == 7, let period = Period.month(trimmed) else {
                throw ValidationError("\(option) takes months as YYYY-MM, not '\(trimmed)'")
            }
            return period
        }
        func months(_ text: String?, _ option: String) throws -> [Period] {
            try (text ?? "").split(separator: ",").map { try month($0, option) }
        }
        return SPCAdjustments(
            freeze: try freeze.map { try month(Substring($0), "--freeze") },
            phases: try months(part, "--part"), exclude: try months(exclude, "--exclude"), note: note)
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
                           [--format json|csv]
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
