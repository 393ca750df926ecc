import ArgumentParser

/// `iop-outcomes loads`: the load log, as the provenance appendix lists it.
struct LoadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loads",
        abstract: "List every file load: its file, table, SHA-256, counts and rejects by reason.",
        discussion: """
        The table of the accreditation packet's provenance appendix, for people or machines. \
        read = loaded + updated + duplicates + rejected; counts are file rows, not people.
        """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "Output format: table, json or csv.")
    var format: AnalysisFormat = .table

    func run() throws {
        let entries = try database.open().loadLog()
        switch format {
        case .table: print(LoadLogText.table(entries), terminator: "")
        case .json: print(LoadLogText.json(entries), terminator: "")
        case .csv: print(LoadLogText.csv(entries), terminator: "")
        }
    }
}
