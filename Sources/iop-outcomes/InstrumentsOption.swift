import ArgumentParser
import OutcomesCore
import OutcomesIngest

/// `--instruments FILE`: extra or overriding instrument definitions (YAML).
struct InstrumentsOption: ParsableArguments {
    @Option(help: ArgumentHelp("A YAML file of extra or overriding instrument definitions.", valueName: "file"))
    var instruments: String?

    /// The built-in instruments, extended or overridden by the file when given.
    func registry() throws -> InstrumentRegistry {
        try instruments.map { try InstrumentFile.registry(path: $0) } ?? .builtIn
    }
}
