import ArgumentParser
import Foundation
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline

/// `iop-outcomes explain`: one metric down to the episode, for the clinician who holds the database.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "List the episodes behind one metric: who is in its denominator and numerator, the values that decided it, and who is left out and why.",
        discussion: """
        Internal use only: the output names pseudonymous patient keys and episode identifiers. It is refused \
        with --suppress, written owner-only (0600) with --out, and the table form is stamped as protected \
        health information.
        """)

    @OptionGroup var database: DatabaseOption
    @OptionGroup var period: PeriodOptions

    @Argument(help: ArgumentHelp("A metric identifier (SPEC section 9), e.g. outcomes.PHQ-9.reliable_improvement_rate.",
                                 valueName: "metric"))
    var metric: String

    @Option(help: ArgumentHelp("Cohort dimensions, comma-separated (with --cohort).", valueName: "dims"))
    var by: String?

    @Option(help: ArgumentHelp("The cohort's values, one per --by dimension, comma-separated.", valueName: "values"))
    var cohort: String?

    @OptionGroup var analysisSettings: AnalysisSettingsOptions

    @Flag(help: "Refused: explain lists episodes and is never for people outside the program.")
    var suppress = false

    @Option(help: "Output format: table, json or csv.")
    var format: AnalysisFormat = .table

    @Option(help: ArgumentHelp("Write to this file (created 0600) instead of standard output.", valueName: "file"))
    var out: String?

    @OptionGroup var instrumentsOption: InstrumentsOption

    mutating func validate() throws {
        if suppress {
            throw ValidationError("explain lists episodes for internal use: it is refused with --suppress (outputs for people outside the program)")
        }
        _ = try period.resolved()
        _ = try cohortKey()
    }

    /// The cohort `--by` and `--cohort` name; the overall cohort without them.
    func cohortKey() throws -> CohortKey {
        switch (by, cohort) {
        case (nil, nil): return .overall
        case (let by?, let cohort?):
            let dimensions = try CohortDimensionList.parse(by)
            let values = cohort.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard values.count == dimensions.count else {
                throw ValidationError("--cohort takes one value per --by dimension (\(dimensions.count)), not \(values.count)")
            }
            return CohortKey(zip(dimensions, values).map { CohortKey.Component($0, $1) })
        default:
            throw ValidationError("--by and --cohort go together: --by program --cohort sud")
        }
    }

    func run() throws {
        let period = try self.period.resolved()
        let registry = try instrumentsOption.registry()
        guard MetricRegistry.isKnown(metric, isInstrument: { registry[$0] != nil }) else {
            throw CommandFailure("unknown metric '\(metric)'; `iop-outcomes analyze --format csv` lists every identifier")
        }
        let key = try cohortKey()
        let dataset = try DatasetLoader.load(database.open(), periods: [AnalysedPeriod(period)], registry: registry)
        let options = try analysisSettings.options(period: period)
        guard let explanation = Analysis.explain(dataset, options: options, metric: metric, cohort: key) else {
            throw CommandFailure("\(metric) is not computed for cohort \(key) in \(period) (no such cohort, or the metric does not apply)")
        }
        let text: String
        switch format {
        case .table: text = ExplanationText.table(explanation)
        case .csv: text = ExplanationText.csv(explanation)
        case .json: text = ExplanationText.json(explanation)
        }
        guard let out else { return print(text, terminator: "") }
        try AtomicFile.write(Array(text.utf8), to: out, access: .ownerOnly)
    }
}
