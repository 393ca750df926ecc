import ArgumentParser
import Foundation
import OutcomesAnalysis
import OutcomesCore
import OutcomesPipeline

/// `iop-outcomes analyze`: every metric of SPEC section 5, overall and per cohort.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Compute the program's metrics for a period, overall and per cohort.",
        discussion: """
        Every metric carries its numerator and denominator (or n). JSON follows SPEC section 9: \
        {"period": {"from", "to"}, "cohorts": [{"key": {}, "metrics": {ID: {"value", "num", "den"}}}]}. \
        With --trend N, each metric is given for each of the N months ending with the period.
        """)

    @OptionGroup var database: DatabaseOption
    @OptionGroup var period: PeriodOptions

    @Option(help: ArgumentHelp("Cohort dimensions, comma-separated: \(CohortDimension.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "dims"))
    var by: String?

    @Option(help: ArgumentHelp("Metric identifiers or patterns, comma-separated (e.g. 'engagement.*,outcomes.PHQ-9.*').", valueName: "pattern"))
    var metrics: String?

    @Option(help: ArgumentHelp("Give each metric for each of the N months ending with the period.", valueName: "N"))
    var trend: Int?

    @Option(help: ArgumentHelp("Print a table a report shows instead of the metrics: \(DetailTable.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "name"))
    var table: DetailTable?

    @Flag(help: """
        Print the early-warning watch list instead of the metrics: the active episodes at the end of the period \
        that meet a rule, by track, the most urgent first (episode-level and internal: no --suppress).
        """)
    var watchList = false

    @Option(help: ArgumentHelp("With --watch-list: write to this file (created 0600) instead of standard output.",
                               valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Instrument of the severity_shift table.", valueName: "code"))
    var instrument = "PHQ-9"

    @OptionGroup var analysisSettings: AnalysisSettingsOptions

    @Flag(help: "Withhold figures whose counts are 1 to 10, with complementary suppression (for people outside the program).")
    var suppress = false

    @Option(help: "Output format: table, json or csv.")
    var format: AnalysisFormat = .table

    @OptionGroup var instrumentsOption: InstrumentsOption

    mutating func validate() throws {
        _ = try period.resolved()
        if let by { _ = try CohortDimensionList.parse(by) }
        if let trend, !(1...60).contains(trend) { throw ValidationError("--trend takes 1 to 60 months") }
        if table != nil, trend != nil { throw ValidationError("--table prints one table for the period: no --trend") }
        if watchList, table != nil || trend != nil || by != nil || metrics != nil {
            throw ValidationError("--watch-list lists the period's episodes: no --table, --trend, --by or --metrics")
        }
        if out != nil, !watchList {
            throw ValidationError("--out writes the watch list (--watch-list); other output goes to standard output")
        }
        if watchList, suppress {
            throw ValidationError("--watch-list is episode-level and internal: it has no form for people outside "
                + "the program (--suppress)")
        }
    }

    func run() throws {
        let period = try self.period.resolved()
        let registry = try instrumentsOption.registry()
        let dimensions = by.map { CohortDimension.parse(list: $0).dimensions } ?? []
        var options = try analysisSettings.options(period: period).withoutTrajectories  // analyze draws none
        options.keepsEpisodeFacts = false  // analyze prints figures; explain lists episodes
        let pattern = metrics.map(MetricPattern.init)
        if let trend {
            let output = try TrendAnalysis.analyze(database.open(), options: options, months: trend, by: dimensions,
                                                   registry: registry) { result in
                result.cohorts.first.map { pattern?.filter($0.metrics) ?? $0.metrics }?.ids ?? []
            }
            if let note = output.emptyPeriodNote { FileHandle.standardError.write(Data(note.utf8)) }
            return printTrend(output.trends, months: trend, period: period, by: dimensions)
        }
        let dataset = try DatasetLoader.load(database.open(), periods: [AnalysedPeriod(period)], registry: registry)
        if watchList {
            let entries = Analysis.watchList(dataset, options: options)
            let keys = dataset.patientKeys(ofEpisodes: Set(entries.entries.map(\.episodeID)))
            let list = WatchListText(entries, keys: keys, period: period)
            let text = switch format {
            case .json: list.json
            case .csv: list.csv
            case .table: list.table
            }
            guard let out else { return print(text, terminator: "") }
            // Episode-level: owner-only, and written whole or not at all, as explain's --out.
            return try AtomicFile.write(Array(text.utf8), to: out, access: .ownerOnly)
        }
        let result = Analysis.analyze(dataset, options: options, by: dimensions)
        if result.nothingRecordedInPeriod { FileHandle.standardError.write(Data(result.emptyPeriodNote.utf8)) }
        let cohorts = result.cohorts.map { (key: $0.key, metrics: pattern?.filter($0.metrics) ?? $0.metrics) }
        if let table {
            guard let overall = result.overall else { return }
            let detail = table.rows(of: overall, equity: result.equity, instrument: instrument)
            var (columns, rows) = detail
            if suppress {
                let published = table.published(columns: columns, rows: rows)
                warnIfExposed(published.decision.isProtected)
                (columns, rows) = (published.columns, published.rows)
            }
            switch format {
            case .json: print(table.json(columns: columns, rows: rows), terminator: "")
            default: print(table.csv(columns: columns, rows: rows), terminator: "")
            }
            return
        }
        let protection = suppress ? MetricDisclosure.protect([cohorts]) : (marks: [[:]], isProtected: true)
        warnIfExposed(protection.isProtected)
        let withheld = protection.marks[0]
        switch format {
        case .json: print(AnalysisJSON.encode(period: period, cohorts: cohorts, withheld: withheld), terminator: "")
        case .csv: print(AnalysisCSV.encode(dimensions: dimensions, cohorts: cohorts, withheld: withheld), terminator: "")
        case .table:
            var filtered = result
            for index in filtered.cohorts.indices { filtered.cohorts[index].metrics = cohorts[index].metrics }
            print(AnalysisTable.render(filtered, withheld: withheld), terminator: "")
        }
    }

    /// Prints the trend of `analyze --trend` in the asked format, withheld cells marked with `--suppress`.
    private func printTrend(_ series: [MetricTrend], months: Int, period: Period, by dimensions: [CohortDimension]) {
        let protection = suppress ? MetricDisclosure.protect(trends: series) : (marks: [:], isProtected: true)
        warnIfExposed(protection.isProtected)
        let withheld = protection.marks
        switch format {
        case .json:
            print(TrendJSON.encode(period: period, months: months, trends: series, withheld: withheld), terminator: "")
        case .csv: print(TrendCSV.encode(series, dimensions: dimensions, withheld: withheld), terminator: "")
        case .table: print(TrendTable.render(series, withheld: withheld), terminator: "")
        }
    }
}

extension AnalyzeCommand {
    /// Says on stderr when the audit could still narrow a "<11" count: only counts of 1 to 10
    /// were left around it, so no further count could be withheld to protect it.
    func warnIfExposed(_ isProtected: Bool) {
        guard !isProtected else { return }
        FileHandle.standardError.write(Data(("warning: some \"<11\" counts sit among other counts of 1 to 10 only; "
            + "a reader can narrow them (see README, \"What suppression guarantees\")\n").utf8))
    }
}

enum AnalysisFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

extension DetailTable: ExpressibleByArgument {}
