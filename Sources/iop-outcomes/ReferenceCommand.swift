import ArgumentParser
import OutcomesAnalysis

/// `iop-outcomes reference`: the metric definitions and the instruments, as reports print them.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "List the metric definitions or the instruments (scoring, thresholds and their sources, bands).",
        discussion: "The methods appendix's definitions and the instruments table, for people or machines.")

    /// The reference tables.
    enum List: String, ExpressibleByArgument, CaseIterable {
        case metrics, instruments
    }

    @Argument(help: "metrics or instruments.")
    var list: List

    @OptionGroup var instrumentsOption: InstrumentsOption

    @Option(help: "Output format: table, json or csv.")
    var format: AnalysisFormat = .table

    func run() throws {
        let text = switch list {
        case .metrics: ReferenceText.metrics()
        case .instruments: ReferenceText.instruments(try instrumentsOption.registry())
        }
        switch format {
        case .table: print(text.table, terminator: "")
        case .json: print(text.json, terminator: "")
        case .csv: print(text.csv, terminator: "")
        }
    }
}
