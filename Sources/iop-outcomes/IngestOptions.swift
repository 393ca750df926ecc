import ArgumentParser
import Foundation
import OutcomesCore
import OutcomesIngest

/// Options shared by `ingest` and `validate`.
struct IngestOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A YAML file renaming columns, translating values and setting date formats.", valueName: "file"))
    var mapping: String?

    @Option(help: ArgumentHelp("Write every rejected row (file, row, column, reason, message, raw line) to this CSV.", valueName: "file.csv"))
    var rejects: String?

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Load every file as this table instead of recognising it from its header.", valueName: "table"))
    var table: CanonicalTable?

    @Option(help: ArgumentHelp("The date the future-date rule compares with (YYYY-MM-DD; default: today).", valueName: "date"))
    var today: String?

    @Flag(help: ArgumentHelp("Read files loaded before again: add the rows not stored yet (rejected then for want of "
                             + "their episodes, say); stored rows are kept and count as duplicates."))
    var reload = false

    @OptionGroup var instrumentsOption: InstrumentsOption

    @Argument(help: ArgumentHelp("CSV or FHIR files, or folders whose *.csv, *.ndjson and *.json files are read "
                                 + "(not recursively); content, not the name, says what a file holds.", valueName: "path"))
    var paths: [String]

    mutating func validate() throws {
        if let today, Day(iso: today) == nil { throw ValidationError("--today takes a date as YYYY-MM-DD, not '\(today)'") }
        guard !paths.isEmpty else { throw ValidationError("give at least one CSV file or folder") }
    }

    var todayDay: Day {
        today.flatMap { Day(iso: $0) } ?? Day.today(secondsSince1970: Date().timeIntervalSince1970)
    }

    func registry() throws -> InstrumentRegistry { try instrumentsOption.registry() }

    func loadedMapping() throws -> Mapping? { try mapping.map { try Mapping.load(path: $0) } }

    /// The load parameters recorded in the load log (no machine paths: names as given).
    var parametersJSON: String {
        var fields = ["\"today\": \"\(todayDay)\""]
        if let mapping { fields.append("\"mapping\": \"\(URL(fileURLWithPath: mapping).lastPathComponent)\"") }
        if let instruments = instrumentsOption.instruments { fields.append("\"instruments\": \"\(URL(fileURLWithPath: instruments).lastPathComponent)\"") }
        if let table { fields.append("\"table\": \"\(table.rawValue)\"") }
        if reload { fields.append("\"reload\": true") }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension CanonicalTable: ExpressibleByArgument {}
